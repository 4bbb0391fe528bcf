package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

class SuppressionTest {
    private static final String RULE = "snat-captures-tunnel-traffic";

    @TempDir
    Path dir;

    /** The test router with {@code comment} on the line above NAT rule 10, which moves to line 9. */
    private static String routerWithCommentAboveNatRule(String comment) {
        return TestRules.ROUTER.replace("        rule 10 {", "        " + comment + "\n        rule 10 {");
    }

    private static Analysis findingAtLine(String file, int line) {
        Rule rule = TestRules.rule(
                TestRules.metadata(RULE, Level.ERROR, null),
                network -> List.of(Finding.of(RULE, Level.ERROR)
                        .message("NAT captures the tunnel.")
                        .at(SourceLocation.at(file, line, 9))
                        .subject("nat source rule 10")
                        .build()));
        return new Analysis(List.of(rule), TestRules::noSolver);
    }

    @Test
    void aCommentWithAReasonSilencesTheFindingOnTheNodeBelowIt() throws Exception {
        TestRules.write(
                dir,
                "r.boot",
                routerWithCommentAboveNatRule(
                        "/* vpnlint:ignore " + RULE + " reason=\"lab router, no real tunnel\" */"));

        CliRun run = CliRun.in(dir, findingAtLine("r.boot", 9), "check", "r.boot");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("no problems in 1 file (1 router); 1 suppressed"), run.out());
    }

    @Test
    void suppressedFindingsAreListedInSarifWithTheReason() throws Exception {
        TestRules.write(
                dir,
                "r.boot",
                routerWithCommentAboveNatRule("/* vpnlint:ignore " + RULE + " reason=\"lab router\" */"));

        CliRun run = CliRun.in(dir, findingAtLine("r.boot", 9), "check", "--format", "sarif", "r.boot");

        assertTrue(run.out().contains("\"kind\" : \"inSource\""), run.out());
        assertTrue(run.out().contains("\"justification\" : \"lab router\""), run.out());
    }

    @Test
    void aSuppressionWithoutReasonIsIgnoredAndReported() throws Exception {
        TestRules.write(dir, "r.boot", routerWithCommentAboveNatRule("/* vpnlint:ignore " + RULE + " */"));

        CliRun run = CliRun.in(dir, findingAtLine("r.boot", 9), "check", "r.boot");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("warning invalid-suppression: a suppression needs a reason"), run.out());
        assertTrue(run.out().contains("error " + RULE), run.out());
    }

    @Test
    void anExpiredSuppressionNoLongerSilences() throws Exception {
        TestRules.write(
                dir,
                "r.boot",
                routerWithCommentAboveNatRule(
                        "/* vpnlint:ignore " + RULE + " reason=\"until the migration\" expires=2020-01-31 */"));

        CliRun run = CliRun.in(dir, findingAtLine("r.boot", 9), "check", "r.boot");

        assertEquals(1, run.exitCode(), run.out());
        assertTrue(
                run.out()
                        .contains("warning expired-suppression: the suppression of " + RULE + " expired on 2020-01-31"),
                run.out());
    }

    @Test
    void aSuppressionThatSilencesNothingIsAUselessSuppression() throws Exception {
        TestRules.write(
                dir, "r.boot", routerWithCommentAboveNatRule("/* vpnlint:ignore " + RULE + " reason=\"old\" */"));
        Analysis nothingFound = new Analysis(
                List.of(TestRules.rule(TestRules.metadata(RULE, Level.ERROR, null), network -> List.of())),
                TestRules::noSolver);

        CliRun run = CliRun.in(dir, nothingFound, "check", "r.boot");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(
                run.out()
                        .contains("r.boot:9:14: warning useless-suppression: this suppression of " + RULE
                                + " silences nothing; remove it"),
                run.out());
    }

    @Test
    void inCommandScriptsAHashCommentAboveTheSetCommandSilences() throws Exception {
        TestRules.write(dir, "r.set", """
                set interfaces ethernet eth0 address '203.0.113.134/24'
                # vpnlint:ignore %s reason="lab only"
                set nat source rule 10 outbound-interface 'eth0'
                set nat source rule 10 translation address '203.0.113.134'
                """.formatted(RULE));
        Rule rule = TestRules.rule(
                TestRules.metadata(RULE, Level.ERROR, null),
                network -> List.of(Finding.of(RULE, Level.ERROR)
                        .message("NAT captures the tunnel.")
                        .at(SourceLocation.at("r.set", 3, 20))
                        .subject("nat source rule 10")
                        .build()));

        CliRun run = CliRun.in(dir, new Analysis(List.of(rule), TestRules::noSolver), "check", "r.set");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("1 suppressed"), run.out());
    }

    @Test
    void aVyosCommentCommandOnTheNodeSilences() throws Exception {
        TestRules.write(dir, "r.set", """
                set nat source rule 10 outbound-interface 'eth0'
                set nat source rule 10 translation address '203.0.113.134'
                comment nat source rule 10 "vpnlint:ignore %s reason='lab only'"
                """.formatted(RULE));
        Rule rule = TestRules.rule(
                TestRules.metadata(RULE, Level.ERROR, null),
                network -> List.of(Finding.of(RULE, Level.ERROR)
                        .message("NAT captures the tunnel.")
                        .at(SourceLocation.at("r.set", 1, 16))
                        .subject("nat source rule 10")
                        .build()));

        CliRun run = CliRun.in(dir, new Analysis(List.of(rule), TestRules::noSolver), "check", "r.set");

        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().contains("1 suppressed"), run.out());
    }

    @Test
    void aSuppressionOfAnotherRuleDoesNotSilence() throws Exception {
        TestRules.write(
                dir,
                "r.boot",
                routerWithCommentAboveNatRule("/* vpnlint:ignore gre-not-protected reason=\"other rule\" */"));

        CliRun run = CliRun.in(dir, findingAtLine("r.boot", 9), "check", "r.boot");

        assertEquals(1, run.exitCode(), run.out());
        assertFalse(run.out().contains("suppressed"), run.out());
    }
}
