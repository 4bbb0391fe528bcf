package org.vpnlint.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vpnlint.cli.analysis.ProjectConfig;

/**
 * {@code --select} and {@code --ignore} (as in ruff): the rules they leave out are added to those
 * {@code .vpnlint.yaml} disables, so the command line can narrow the project's choice but not widen it.
 */
final class RuleSelection {

    private RuleSelection() {}

    /** The project configuration with the rules left out by the options disabled; unknown ids are an error. */
    static ProjectConfig apply(ProjectConfig project, Set<String> known, List<String> select, List<String> ignore) {
        check(known, select, "--select");
        check(known, ignore, "--ignore");
        if (select.isEmpty() && ignore.isEmpty()) return project;
        Set<String> disabled = new TreeSet<>(project.disabledRules());
        if (!select.isEmpty()) {
            for (String id : known) {
                if (!select.contains(id)) disabled.add(id);
            }
        }
        disabled.addAll(ignore);
        return new ProjectConfig(
                project.file(),
                project.failOn(),
                project.ruleLevels(),
                disabled,
                project.routers(),
                project.nat(),
                project.networks(),
                project.fragments());
    }

    private static void check(Set<String> known, List<String> ids, String option) {
        for (String id : ids) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException(
                        option + ": no rule is called '" + id + "' (vpnlint rules lists them)");
            }
        }
    }
}
