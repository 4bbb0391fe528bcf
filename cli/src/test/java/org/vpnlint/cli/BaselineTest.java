package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

class BaselineTest {
    @TempDir
    Path dir;

    private Analysis analysis() {
        return TestRules.reportingNatFindingIn("router.boot", "snat-captures-tunnel-traffic", Level.ERROR);
    }

    @Test
    void findingsRecordedInTheBaselineAreNotReported() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);

        CliRun written = CliRun.in(dir, analysis(), "check", "--write-baseline", "baseline.json", "router.boot");
        CliRun checked = CliRun.in(dir, analysis(), "check", "--baseline", "baseline.json", "router.boot");

        assertEquals(0, written.exitCode(), written.err());
        assertEquals(0, checked.exitCode(), checked.out());
        assertTrue(checked.out().contains("no problems in 1 file (1 router); 1 in the baseline"), checked.out());
    }

    @Test
    void theBaselineIgnoresLineNumbersSoMovedLinesStayAccepted() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        CliRun.in(dir, analysis(), "check", "--write-baseline", "baseline.json", "router.boot");
        // The same finding, reported ten lines further down after an edit elsewhere in the file.
        Analysis moved = new Analysis(
                java.util.List.of(TestRules.rule(
                        TestRules.metadata("snat-captures-tunnel-traffic", Level.ERROR, null),
                        network -> java.util.List.of(TestRules.natFinding(
                                "snat-captures-tunnel-traffic",
                                Level.ERROR,
                                "router.boot",
                                "Source NAT rule 10 rewrites tunnel traffic.")))),
                TestRules::noSolver);

        CliRun checked = CliRun.in(dir, moved, "check", "--baseline", "baseline.json", "router.boot");

        assertEquals(0, checked.exitCode(), checked.out());
    }

    @Test
    void theBaselineFileIsSortedJsonWithRuleFileAndSubject() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);

        CliRun.in(dir, analysis(), "check", "--write-baseline", "baseline.json", "router.boot");
        String first = Files.readString(dir.resolve("baseline.json"));
        CliRun.in(dir, analysis(), "check", "--write-baseline", "baseline.json", "router.boot");

        assertEquals(first, Files.readString(dir.resolve("baseline.json")));
        assertTrue(first.contains("\"ruleId\" : \"snat-captures-tunnel-traffic\""), first);
        assertTrue(first.contains("\"file\" : \"router.boot\""), first);
        assertTrue(first.contains("\"subject\" : \"nat source rule 10|peer 192.0.2.150 tunnel 1\""), first);
    }

    @Test
    void anUnreadableBaselineExitsTwo() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, "baseline.json", "{ not json");

        CliRun run = CliRun.in(dir, analysis(), "check", "--baseline", "baseline.json", "router.boot");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("baseline.json:1: the baseline is not valid JSON"), run.err());
    }

    @Test
    void withABaselineSarifMarksReportedResultsAsNew() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        TestRules.write(dir, "baseline.json", "{\"version\":1,\"findings\":[]}");

        CliRun run =
                CliRun.in(dir, analysis(), "check", "--format", "sarif", "--baseline", "baseline.json", "router.boot");

        assertTrue(run.out().contains("\"baselineState\" : \"new\""), run.out());
    }
}
