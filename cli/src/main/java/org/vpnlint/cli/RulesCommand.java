package org.vpnlint.cli;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.report.RuleDocumentation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vpnlint rules}: the rule list, or with {@code --markdown} the whole rules.md. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "List the rules (id, default level, title).",
            "With --markdown, print rules.md: " + RuleDocumentation.REGENERATE
        })
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print the generated rules.md instead of the list.")
    boolean markdown;

    private final Console console;
    private final List<Rule> rules;

    RulesCommand(Console console, List<Rule> rules) {
        this.console = console;
        this.rules = rules;
    }

    @Override
    public Integer call() {
        List<RuleMetadata> sorted = sorted(rules);
        if (markdown) {
            console.out().print(RuleDocumentation.markdown(sorted));
        } else {
            int width =
                    sorted.stream().mapToInt(rule -> rule.id().length()).max().orElse(0);
            for (RuleMetadata rule : sorted) {
                console.out()
                        .printf(
                                "%-" + width + "s  %-7s  %s%n",
                                rule.id(),
                                rule.defaultLevel().id(),
                                rule.title());
            }
        }
        console.out().flush();
        return ExitCodes.CLEAN;
    }

    static List<RuleMetadata> sorted(List<Rule> rules) {
        return rules.stream()
                .map(Rule::metadata)
                .sorted(Comparator.comparing(RuleMetadata::id))
                .toList();
    }
}
