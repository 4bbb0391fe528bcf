package org.vpnlint.checks.tables;

import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Z3Solver;

/** Reads a configuration with the real reader and mapper, and runs one rule on it, as the command line would. */
final class RouterConfigs {

    private RouterConfigs() {}

    /**
     * The router of a test configuration. The cases are whole routers cut down to what each is about (no system
     * section, no footer), so they are taken as complete, as their authors meant them.
     */
    static Router router(String fileName, String text) {
        return RouterMapper.map(ConfigReader.read(fileName, text), null)
                .router()
                .withCompleteness(Completeness.WHOLE);
    }

    static List<Finding> findings(Rule rule, String fileName, String text) {
        return rule.check(Network.of(List.of(router(fileName, text))), new RuleContext(Z3Solver::new));
    }

    /** The line of the first line of {@code text} containing {@code fragment} (1-based). */
    static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) return i + 1;
        }
        throw new IllegalArgumentException("no line contains " + fragment);
    }
}
