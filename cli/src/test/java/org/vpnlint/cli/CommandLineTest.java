package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

/** The commands besides {@code check} and {@code trace}, and picocli's own options. */
class CommandLineTest {
    @TempDir
    Path dir;

    private final Analysis twoRules = new Analysis(
            List.of(
                    TestRules.rule(
                            TestRules.metadata("snat-captures-tunnel-traffic", Level.ERROR, "8.0"),
                            network -> List.of()),
                    TestRules.rule(
                            TestRules.metadata("behind-nat-default-id", Level.WARNING, null), network -> List.of())),
            TestRules::noSolver);

    @Test
    void rulesListsIdLevelAndTitleSortedById() {
        CliRun run = CliRun.in(dir, twoRules, "rules");

        assertEquals(0, run.exitCode());
        assertEquals(
                List.of(
                        "behind-nat-default-id         warning  Source NAT captures the tunnel's traffic",
                        "snat-captures-tunnel-traffic  error    Source NAT captures the tunnel's traffic"),
                run.out().lines().toList());
    }

    @Test
    void explainPrintsTheSummaryAndBothExamples() {
        CliRun run = CliRun.in(dir, twoRules, "explain", "snat-captures-tunnel-traffic");

        assertEquals(0, run.exitCode());
        assertTrue(
                run.out()
                        .startsWith("snat-captures-tunnel-traffic: Source NAT captures the tunnel's traffic\n"
                                + "level error, tags nat, ipsec, security, precision high\n"),
                run.out());
        assertTrue(
                run.out()
                        .contains("Triggers the rule:\n\n"
                                + "    # samples/rules/snat-captures-tunnel-traffic/bad-masquerade.set\n"),
                run.out());
        assertTrue(
                run.out()
                        .contains(
                                "Does not trigger it:\n\n"
                                        + "    /* samples/rules/snat-captures-tunnel-traffic/good-exclude-before-snat.boot */\n"),
                run.out());
    }

    @Test
    void explainingAnUnknownRuleExitsTwo() {
        CliRun run = CliRun.in(dir, twoRules, "explain", "no-such-rule");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("unknown rule 'no-such-rule'"), run.err());
    }

    @Test
    void versionAndHelpExitZero() {
        CliRun version = CliRun.in(dir, twoRules, "--version");
        CliRun help = CliRun.in(dir, twoRules, "check", "--help");

        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("vpnlint "), version.out());
        assertTrue(version.out().matches("(?s).*\\nZ3 4\\.\\d+\\.\\d+.*"), version.out());
        assertTrue(version.out().contains("\nJava " + System.getProperty("java.runtime.version")), version.out());
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--fail-on=LEVEL"), help.out());
    }

    @Test
    void noCommandIsAUsageError() {
        CliRun run = CliRun.in(dir, twoRules);

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("a command is needed"), run.err());
    }
}
