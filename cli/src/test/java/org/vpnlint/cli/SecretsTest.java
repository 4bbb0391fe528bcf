package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.model.Level;

/**
 * A pre-shared key in the input never reaches any output. The rule here is careless on purpose: it quotes the
 * key in its message and fix, as a buggy rule might, and vpnlint must still redact it everywhere.
 */
class SecretsTest {
    private static final String RULE = "ipsec-psk-mismatch";

    @TempDir
    Path dir;

    private Analysis carelessRule() {
        Rule rule = TestRules.rule(
                TestRules.metadata(RULE, Level.ERROR, null),
                network -> List.of(TestRules.natFinding(
                        RULE, Level.ERROR, "router.boot", "The keys differ: this end has " + TestRules.PSK + ".")));
        return new Analysis(List.of(rule), TestRules::noSolver);
    }

    private CliRun check(String... options) throws Exception {
        TestRules.write(dir, "router.boot", TestRules.ROUTER);
        List<String> args = new java.util.ArrayList<>(List.of("check", "-v"));
        args.addAll(List.of(options));
        args.add("router.boot");
        return CliRun.in(dir, Map.of(), carelessRule(), args.toArray(String[]::new));
    }

    private static void assertNoSecret(String output) {
        assertFalse(output.contains(TestRules.PSK), output);
    }

    @Test
    void text() throws Exception {
        CliRun run = check("--format", "text");
        assertNoSecret(run.out() + run.err());
        assertTrue(run.out().contains("this end has <redacted>"), run.out());
    }

    @Test
    void json() throws Exception {
        CliRun run = check("--format", "json");
        assertNoSecret(run.out() + run.err());
    }

    @Test
    void sarif() throws Exception {
        CliRun run = check("--format", "sarif");
        assertNoSecret(run.out() + run.err());
    }

    @Test
    void githubAnnotations() throws Exception {
        CliRun run = check("--format", "github");
        assertNoSecret(run.out() + run.err());
    }

    @Test
    void htmlAuditPage() throws Exception {
        CliRun run = check("--format", "html", "-o", "audit.html");
        String page = Files.readString(dir.resolve("audit.html"));
        assertNoSecret(run.out() + run.err() + page);
        assertTrue(page.contains("this end has &lt;redacted&gt;"), page);
    }

    @Test
    void baselineFile() throws Exception {
        CliRun run = check("--write-baseline", "baseline.json");
        assertNoSecret(run.out() + run.err() + Files.readString(dir.resolve("baseline.json")));
    }

    @Test
    void parseErrorsNearTheKey() throws Exception {
        TestRules.write(dir, "broken.boot", "vpn {\n    pre-shared-secret " + TestRules.PSK + " {{ }\n");
        CliRun run = CliRun.in(dir, new Analysis(List.of(), TestRules::noSolver), "check", "-v", "broken.boot");
        assertNoSecret(run.out() + run.err());
    }
}
