package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;

/** {@code vpnlint diff} as a user runs it: exit codes, the JSON shape, byte-identical output, git revisions, secrets. */
class DiffCommandTest {
    private static final Analysis ANALYSIS = Analysis.withAllRules();
    private static final String EXCLUDE_REMOVED = "samples/diff/exclude-removed/";

    private final Path root = RepositoryRoot.path();

    @Test
    void encryptedTrafficNowInCleartextIsAnErrorAndExitsOne() {
        CliRun run = CliRun.in(root, ANALYSIS, "diff", EXCLUDE_REMOVED + "before.boot", EXCLUDE_REMOVED + "after.boot");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("error traffic-now-cleartext: packets arriving on eth1"), run.out());
        assertTrue(
                run.out().contains("change: samples/diff/exclude-removed/before.boot:20:14 removed: nat source rule 5"),
                run.out());
    }

    @Test
    void aDestinationNatThatTakesThePeersIkeIsAWarningNamingThePeer() {
        String folder = "samples/diff/dnat-steals-ike/";
        CliRun run =
                CliRun.in(root, ANALYSIS, "diff", "--fail-on", "warning", folder + "before.set", folder + "after.set");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("warning peer-ike-now-diverted: packets arriving on eth0"), run.out());
        assertTrue(run.out().contains("the IKE of peer PARTNER (192.0.2.150) no longer reaches the router"), run.out());
        assertTrue(run.out().contains("packet: udp 192.0.2.150:500 → 203.0.113.134:500 in eth0"), run.out());
    }

    @Test
    void aProvedUnchangedRouterSaysSoAndExitsZero() {
        CliRun run = CliRun.in(
                root,
                ANALYSIS,
                "diff",
                "samples/diff/rules-renumbered/before.boot",
                "samples/diff/rules-renumbered/after.boot");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("no traffic changes fate (proved)"), run.out());
    }

    @Test
    void failOnWarningMakesADropFail() {
        String[] files = {"samples/diff/blackhole-added/before.boot", "samples/diff/blackhole-added/after.boot"};
        assertEquals(0, CliRun.in(root, ANALYSIS, "diff", files[0], files[1]).exitCode());
        assertEquals(
                1,
                CliRun.in(root, ANALYSIS, "diff", "--fail-on", "warning", files[0], files[1])
                        .exitCode());
        CliRun up = CliRun.in(root, ANALYSIS, "diff", "--sa", "up", "--fail-on", "note", files[0], files[1]);
        assertEquals(0, up.exitCode(), "with every SA up the blackhole changes nothing: " + up.out());
    }

    @Test
    void twoDifferentRoutersCompareWithoutInternalErrors() {
        CliRun run = CliRun.in(
                root, ANALYSIS, "diff", "samples/dialects/edgeos-office.boot", "samples/dialects/vyos-1.2-office.boot");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        // the LAN-side ingresses and the router's own packets change the same way (the new source NAT no longer
        // translates them): their
        // witnesses are one readable host, so they are one entry; with the SA down the partner's traffic is dropped
        assertTrue(
                run.out()
                        .contains(": note traffic-changed: packets arriving on eth2 or eth1 or sent by the router"
                                + " itself, among them every packet from 192.168.16.0/20 to 10.10.10.0/24"),
                run.out());
        assertTrue(run.out().contains("2 classes of packets change fate (no other packet does: proved)"), run.out());
        assertTrue(run.out().contains("packet: tcp 192.168.20.100:1024 → 10.10.10.200:22 in eth2, SA up"), run.out());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(
                2,
                CliRun.in(root, ANALYSIS, "diff", EXCLUDE_REMOVED + "before.boot")
                        .exitCode());
        assertEquals(
                2,
                CliRun.in(
                                root,
                                ANALYSIS,
                                "diff",
                                "--sa",
                                "sideways",
                                EXCLUDE_REMOVED + "before.boot",
                                EXCLUDE_REMOVED + "after.boot")
                        .exitCode());
        CliRun missing = CliRun.in(root, ANALYSIS, "diff", EXCLUDE_REMOVED + "before.boot", "no/such/file.boot");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.out().contains("no such file or directory"), missing.out());
    }

    @Test
    void jsonHasTheDocumentedShapeAndIsByteIdenticalAcrossRuns() throws IOException {
        String[] args = {
            "diff",
            "--format",
            "json",
            "samples/diff/pair-one-router-changed/before",
            "samples/diff/pair-one-router-changed/after"
        };
        CliRun first = CliRun.in(root, ANALYSIS, args);
        CliRun second = CliRun.in(root, ANALYSIS, args);
        assertEquals(first.out(), second.out());
        JsonNode report = new ObjectMapper().readTree(first.out());
        assertEquals("vpnlint", report.path("tool").path("name").asText());
        assertEquals(2, report.path("comparisons").size());
        assertTrue(report.path("comparisons").get(0).path("proved").asBoolean());
        JsonNode difference = report.path("differences").get(0);
        for (String field :
                List.of("before", "after", "witness", "traceBefore", "traceAfter", "causes", "level", "message")) {
            assertTrue(difference.has(field), field + " in " + difference);
        }
        for (String field : List.of("verdict", "tunnel", "egress", "header")) {
            assertTrue(
                    difference.path("before").has(field)
                            && difference.path("after").has(field),
                    field);
        }
        for (String field : List.of("src", "dst", "protocol", "srcPort", "dstPort", "inInterface", "saState")) {
            assertTrue(difference.path("witness").has(field), field);
        }
        assertEquals("encrypted", difference.path("before").path("verdict").asText());
        assertEquals("cleartext", difference.path("after").path("verdict").asText());
        assertEquals("error", difference.path("level").asText());
        assertEquals(
                "samples/diff/pair-one-router-changed/after/west.set",
                difference.path("causes").get(0).path("file").asText());
        assertTrue(report.has("diagnostics"));
    }

    @Test
    void sarifResultsAreOnTheNewVersionsChangedLines() throws IOException {
        CliRun run = CliRun.in(
                root,
                ANALYSIS,
                "diff",
                "--format",
                "sarif",
                "samples/diff/blackhole-added/before.boot",
                "samples/diff/blackhole-added/after.boot");
        JsonNode result = new ObjectMapper()
                .readTree(run.out())
                .path("runs")
                .get(0)
                .path("results")
                .get(0);
        assertEquals("traffic-now-dropped", result.path("ruleId").asText());
        assertEquals("warning", result.path("level").asText());
        JsonNode location = result.path("locations").get(0).path("physicalLocation");
        assertEquals(
                "samples/diff/blackhole-added/after.boot",
                location.path("artifactLocation").path("uri").asText());
        List<String> lines = Files.readAllLines(root.resolve("samples/diff/blackhole-added/after.boot"));
        assertTrue(
                lines.get(location.path("region").path("startLine").asInt() - 1).contains("route 10.10.10.0/24"));
    }

    @Test
    void baseRevisionComparesTheWorkingTreeAndTheIndexWithGit(@TempDir Path repository) throws Exception {
        Path config = repository.resolve("router.boot");
        Files.copy(root.resolve(EXCLUDE_REMOVED + "before.boot"), config);
        git(repository, "init", "-q");
        git(repository, "add", "router.boot");
        git(repository, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "before");

        CliRun unchanged = CliRun.in(repository, ANALYSIS, "diff", "--base", "HEAD");
        assertEquals(0, unchanged.exitCode(), unchanged.out() + unchanged.err());
        assertTrue(
                unchanged.out().contains("router.boot (against HEAD:router.boot): no traffic changes fate (proved)"),
                unchanged.out());

        Files.copy(
                root.resolve(EXCLUDE_REMOVED + "after.boot"),
                config,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun staged = CliRun.in(repository, ANALYSIS, "diff", "--base", "HEAD", "--staged", "router.boot");
        assertEquals(0, staged.exitCode(), "the change is not staged yet: " + staged.out() + staged.err());
        CliRun working = CliRun.in(repository, ANALYSIS, "diff", "--base", "HEAD", "router.boot");
        assertEquals(1, working.exitCode(), working.out() + working.err());
        assertTrue(working.out().contains("removed: nat source rule 5"), working.out());
        assertTrue(working.out().contains("HEAD:router.boot:20:14"), working.out());

        git(repository, "add", "router.boot");
        CliRun afterAdd = CliRun.in(repository, ANALYSIS, "diff", "--staged", "router.boot");
        assertEquals(1, afterAdd.exitCode(), afterAdd.out() + afterAdd.err());

        CliRun badRevision = CliRun.in(repository, ANALYSIS, "diff", "--base", "no-such-revision");
        assertEquals(2, badRevision.exitCode());
        assertTrue(badRevision.out().contains("cannot read revision no-such-revision"), badRevision.out());
    }

    @Test
    void secretsOfEitherVersionNeverAppear(@TempDir Path directory) throws IOException {
        String before = Files.readString(root.resolve(EXCLUDE_REMOVED + "before.boot"));
        String after =
                Files.readString(root.resolve(EXCLUDE_REMOVED + "after.boot")).replace("s3cret-one", "n3w-s3cret-two");
        Files.writeString(directory.resolve("before.boot"), before);
        Files.writeString(directory.resolve("after.boot"), after);
        for (String format : List.of("text", "json", "sarif", "github")) {
            CliRun run = CliRun.in(directory, ANALYSIS, "diff", "-v", "--format", format, "before.boot", "after.boot");
            assertEquals(1, run.exitCode(), run.out() + run.err());
            assertFalse(
                    run.out().contains("s3cret-one") || run.out().contains("n3w-s3cret-two"),
                    format + ": " + run.out());
        }
    }

    private static void git(Path directory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }
}
