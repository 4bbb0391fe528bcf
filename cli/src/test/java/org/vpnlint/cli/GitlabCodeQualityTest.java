package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

/** {@code --format gitlab}: GitLab's Code Quality issues, with the fingerprints SARIF gives the same findings. */
class GitlabCodeQualityTest {
    @TempDir
    Path dir;

    private Analysis analysis;

    @BeforeEach
    void routers() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, "broken.boot", "interfaces {\n");
        analysis = TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);
    }

    private JsonNode report() throws Exception {
        CliRun run = CliRun.in(dir, analysis, "check", "--format", "gitlab", ".");
        assertEquals(2, run.exitCode(), run.err()); // broken.boot cannot be parsed
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void aFindingHasTheFieldsGitlabReads() throws Exception {
        JsonNode issue = issueFor(report(), "snat-captures-tunnel-traffic");

        assertTrue(
                issue.path("description").asText().startsWith("Source NAT rule 10")
                        && issue.path("description").asText().contains(" Packet: tcp 192.168.10.100:1024"),
                issue.toString());
        assertEquals("critical", issue.path("severity").asText());
        assertEquals("router.boot", issue.path("location").path("path").asText());
        assertEquals(8, issue.path("location").path("lines").path("begin").asInt());
        assertEquals(32, issue.path("fingerprint").asText().length());
        assertEquals("issue", issue.path("type").asText());
    }

    @Test
    void fingerprintsAreTheSarifOnes() throws Exception {
        CliRun sarif = CliRun.in(dir, analysis, "check", "--format", "sarif", ".");
        JsonNode result = new ObjectMapper()
                .readTree(sarif.out())
                .path("runs")
                .get(0)
                .path("results")
                .get(0);

        assertEquals(
                result.path("partialFingerprints")
                        .path("primaryLocationLineHash")
                        .asText(),
                issueFor(report(), "snat-captures-tunnel-traffic")
                        .path("fingerprint")
                        .asText());
    }

    @Test
    void aFileThatCannotBeParsedIsAnIssueToo() throws Exception {
        JsonNode issue = issueFor(report(), "parse-error");

        assertEquals("broken.boot", issue.path("location").path("path").asText());
        assertTrue(issue.path("location").path("lines").path("begin").asInt() >= 1);
    }

    @Test
    void twoRunsGiveIdenticalBytes() throws Exception {
        CliRun first = CliRun.in(dir, analysis, "check", "--format", "gitlab", ".");
        CliRun second = CliRun.in(dir, analysis, "check", "--format", "gitlab", ".");

        assertEquals(first.out(), second.out());
        assertTrue(first.out().startsWith("[") && first.out().endsWith("]\n"), first.out());
    }

    private static JsonNode issueFor(JsonNode report, String checkName) {
        for (JsonNode issue : report) {
            if (issue.path("check_name").asText().equals(checkName)) return issue;
        }
        throw new AssertionError("no issue " + checkName + " in " + report);
    }
}
