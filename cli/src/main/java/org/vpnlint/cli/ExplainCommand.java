package org.vpnlint.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.report.RuleDocumentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vpnlint explain RULE}: what the rule proves, why it matters, and a bad and a fixed example. */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Explain one rule, with an example that triggers it and the fixed version.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE", description = "A rule id, as `vpnlint rules` lists them.")
    String ruleId;

    private final Console console;
    private final List<Rule> rules;

    ExplainCommand(Console console, List<Rule> rules) {
        this.console = console;
        this.rules = rules;
    }

    @Override
    public Integer call() {
        for (Rule rule : rules) {
            if (rule.id().equals(ruleId)) {
                console.out().println(RuleDocumentation.text(rule.metadata()));
                console.out().println("More: " + RuleDocumentation.helpUri(rule.id()));
                console.out().flush();
                return ExitCodes.CLEAN;
            }
        }
        console.err().println("vpnlint: unknown rule '" + ruleId + "'; `vpnlint rules` lists them");
        console.err().flush();
        return ExitCodes.BAD_INPUT;
    }
}
