package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.checks.diff.RouterVersion;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.MappedRouter;
import org.vpnlint.parser.dialect.RouterMapper;

/** Reads a test configuration with vpnlint's own parser and mapper, refusing anything they did not understand. */
final class ConfigText {

    private ConfigText() {}

    /** A configuration's text with the router read from it. */
    record Version(String text, Router router) {}

    static Router read(String name, String text, Dialect dialect) {
        return version(name, text, dialect).router();
    }

    /** The router with the word tree it was mapped from, as {@code vpnlint diff} compares two of them. */
    static RouterVersion version(String name, String text, Dialect dialect) {
        ConfigTree tree = ConfigReader.read(name, text);
        MappedRouter mapped = RouterMapper.map(tree, dialect);
        List<Diagnostic> problems = mapped.diagnostics().stream()
                .filter(d -> d.level() != Level.NOTE || d.code().equals("unsupported-syntax"))
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    name + ": the test configuration does not map cleanly: " + problems + "\n" + text);
        }
        return new RouterVersion(mapped.router(), tree);
    }
}
