package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleBudgetExceeded;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;

/**
 * What a user sees on long runs: the time budget's could-not-decide note, out of memory as a one-line internal error with
 * the reports still written, {@code --select}/{@code --ignore}, {@code --timings}, and progress only on a terminal
 * unless {@code --quiet}. Rules that spin or throw stand in for slow and failing ones.
 */
class LongRunTest {
    private static final Map<String, String> TERMINAL = Map.of("VPNLINT_STDERR_TERMINAL", "1");

    @TempDir
    Path dir;

    /** A rule that reports the NAT finding of {@link TestRules#ROUTER}. */
    private static Rule reporting(String id) {
        RuleMetadata metadata = TestRules.metadata(id, Level.ERROR, "8.0");
        return TestRules.rule(
                metadata,
                network -> List.of(TestRules.natFinding(
                        id,
                        Level.ERROR,
                        "router.boot",
                        "Source NAT rule 10 rewrites traffic of IPsec tunnel 1 before the policy lookup.")));
    }

    /** A rule that asks the solver one query after another and never finishes on its own. */
    private static Rule spinning(String id) {
        return new Rule() {
            @Override
            public RuleMetadata metadata() {
                return TestRules.metadata(id, Level.ERROR, "8.0");
            }

            @Override
            public List<Finding> check(Network network, RuleContext context) {
                while (true) {
                    context.solver().newQuery(id + ": one more question", Duration.ofSeconds(10));
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
    }

    /** A rule that proves one finding, then asks one query after another until its budget stops it. */
    private static Rule provingThenSpinning(String id) {
        return new Rule() {
            @Override
            public RuleMetadata metadata() {
                return TestRules.metadata(id, Level.ERROR, "8.0");
            }

            @Override
            public List<Finding> check(Network network, RuleContext context) {
                List<Finding> proved = List.of(
                        TestRules.natFinding(id, Level.ERROR, "router.boot", "Proved before the budget ran out."));
                try {
                    spinning(id).check(network, context);
                } catch (RuleBudgetExceeded budget) {
                    throw budget.withProved(proved);
                }
                return proved;
            }
        };
    }

    /** A rule that fails as a rule does when the heap is full. */
    private static Rule runningOutOfMemory(String id) {
        return TestRules.rule(TestRules.metadata(id, Level.ERROR, "8.0"), network -> {
            throw new OutOfMemoryError("Java heap space");
        });
    }

    /** A solver whose queries are never used: it records the timeouts it was asked for. */
    private static final class CountingSolver implements Solver {
        final List<Duration> timeouts = new ArrayList<>();

        @Override
        public SymbolicQuery<?, ?> newQuery(String purpose, Duration timeout) {
            timeouts.add(timeout);
            return null;
        }

        @Override
        public void close() {}
    }

    @Test
    void aRuleOutOfTimeEndsWithAnUndecidedNoteAndTheOthersStillReport() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        CountingSolver solver = new CountingSolver();
        Analysis analysis =
                new Analysis(List.of(spinning("slow-rule"), reporting("snat-captures-tunnel-traffic")), () -> solver);
        CliRun run = CliRun.in(dir, analysis, "check", "--rule-budget", "1", "--format", "json", "router.boot");

        assertEquals(1, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertTrue(report.get("executionSuccessful").asBoolean());
        List<String> notes = new ArrayList<>();
        report.get("findings")
                .forEach(f -> notes.add(f.get("ruleId").asText() + " "
                        + f.get("level").asText() + " " + f.get("message").asText()));
        assertEquals(2, notes.size(), notes.toString());
        assertTrue(
                notes.contains("slow-rule note vpnlint could not decide whether rule slow-rule has further findings on"
                        + " this router's network: it ran out of its time budget of 1 s and was stopped, so its findings"
                        + " here may be incomplete. Nothing is proved either way; --rule-budget sets the budget."),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith("snat-captures-tunnel-traffic error")), notes.toString());
        // every query's own timeout was cut to what was left of the budget
        assertFalse(solver.timeouts.isEmpty());
        assertTrue(
                solver.timeouts.stream().allMatch(t -> t.compareTo(Duration.ofSeconds(1)) <= 0),
                solver.timeouts.toString());
    }

    @Test
    void findingsProvedBeforeTheBudgetRanOutAreReportedWithTheNote() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(List.of(provingThenSpinning("slow-rule")), CountingSolver::new);
        CliRun run = CliRun.in(dir, analysis, "check", "--rule-budget", "1", "--format", "json", "router.boot");

        assertEquals(1, run.exitCode(), run.err());
        List<String> findings = new ArrayList<>();
        new ObjectMapper()
                .readTree(run.out())
                .get("findings")
                .forEach(f -> findings.add(
                        f.get("level").asText() + " " + f.get("message").asText()));
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.contains("error Proved before the budget ran out."), findings.toString());
        assertTrue(
                findings.stream()
                        .anyMatch(f -> f.startsWith(
                                "note vpnlint could not decide whether rule slow-rule has further findings")),
                findings.toString());
    }

    @Test
    void outOfMemoryIsOneLineExitThreeAndTheReportsAreStillWritten() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(
                List.of(runningOutOfMemory("hungry-rule"), reporting("snat-captures-tunnel-traffic")),
                TestRules::noSolver);

        CliRun json = CliRun.in(dir, analysis, "check", "--format", "json", "-o", "report.json", "router.boot");
        assertEquals(3, json.exitCode());
        List<String> lines = json.err().lines().toList();
        assertEquals(1, lines.size(), json.err());
        assertTrue(
                lines.get(0)
                        .startsWith("vpnlint: internal error: rule hungry-rule failed (OutOfMemoryError: the Java"
                                + " heap is limited to "),
                lines.get(0));
        assertFalse(json.err().contains("\tat "), "no stack trace without --debug");
        JsonNode report = new ObjectMapper().readTree(Files.readString(dir.resolve("report.json")));
        assertFalse(report.get("executionSuccessful").asBoolean());
        assertEquals(
                "snat-captures-tunnel-traffic",
                report.get("findings").get(0).get("ruleId").asText());

        CliRun sarif = CliRun.in(dir, analysis, "check", "--format", "sarif", "-o", "report.sarif", "router.boot");
        assertEquals(3, sarif.exitCode());
        JsonNode invocation = new ObjectMapper()
                .readTree(Files.readString(dir.resolve("report.sarif")))
                .get("runs")
                .get(0)
                .get("invocations")
                .get(0);
        assertFalse(invocation.get("executionSuccessful").asBoolean());

        CliRun debug = CliRun.in(dir, analysis, "check", "--debug", "router.boot");
        assertTrue(debug.err().contains("java.lang.OutOfMemoryError: Java heap space"), debug.err());
    }

    @Test
    void selectAndIgnoreChooseTheRulesThatRun() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(
                List.of(reporting("rule-a"), reporting("rule-b"), reporting("rule-c")), TestRules::noSolver);

        assertEquals(
                List.of("rule-b"),
                ruleIds(CliRun.in(dir, analysis, "check", "--format", "json", "--select", "rule-b", "router.boot")));
        assertEquals(
                List.of("rule-a", "rule-c"),
                ruleIds(CliRun.in(
                        dir, analysis, "check", "--format", "json", "--select", "rule-a,rule-c", "router.boot")));
        assertEquals(
                List.of("rule-a"),
                ruleIds(CliRun.in(
                        dir, analysis, "check", "--format", "json", "--ignore", "rule-b,rule-c", "router.boot")));
        assertEquals(
                List.of("rule-c"),
                ruleIds(CliRun.in(
                        dir,
                        analysis,
                        "check",
                        "--format",
                        "json",
                        "--select",
                        "rule-b,rule-c",
                        "--ignore",
                        "rule-b",
                        "router.boot")));

        CliRun unknown = CliRun.in(dir, analysis, "check", "--select", "rule-z", "router.boot");
        assertEquals(2, unknown.exitCode());
        assertEquals(
                "vpnlint: --select: no rule is called 'rule-z' (vpnlint rules lists them)",
                unknown.err().strip());
    }

    @Test
    void timingsListEveryPhaseAndRule() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(List.of(reporting("rule-a"), reporting("rule-b")), TestRules::noSolver);

        CliRun run = CliRun.in(dir, analysis, "check", "--timings", "--format", "json", "router.boot");
        for (String line :
                List.of("vpnlint: timings", "read and map", "rules", "report", "rule rule-a", "rule rule-b")) {
            assertTrue(run.err().contains(line), run.err());
        }
        assertFalse(run.out().contains("timings"), "times stay out of the report");
        assertTrue(CliRun.in(dir, analysis, "check", "-v", "router.boot").err().contains("rule rule-a"));
        assertFalse(CliRun.in(dir, analysis, "check", "router.boot").err().contains("timings"));
    }

    @Test
    void progressOnlyOnATerminalAndNotWhenQuiet() throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        Analysis analysis = new Analysis(List.of(reporting("rule-a")), TestRules::noSolver);

        CliRun terminal = CliRun.in(dir, TERMINAL, analysis, "check", "router.boot");
        assertTrue(terminal.err().contains("vpnlint: reading 1/1 files: router.boot"), terminal.err());
        assertTrue(terminal.err().contains("now rule-a"), terminal.err());
        assertTrue(terminal.err().endsWith("\r"), "the line is erased before the report");

        assertEquals("", CliRun.in(dir, analysis, "check", "router.boot").err());
        assertEquals(
                "",
                CliRun.in(dir, TERMINAL, analysis, "check", "--quiet", "router.boot")
                        .err());
        assertEquals(
                "",
                CliRun.in(dir, TERMINAL, analysis, "check", "-q", "router.boot").err());
    }

    private static List<String> ruleIds(CliRun run) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper()
                .readTree(run.out())
                .get("findings")
                .forEach(f -> ids.add(f.get("ruleId").asText()));
        return ids;
    }
}
