package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigNode;

/**
 * The diagnostics of one mapping run. Messages name paths and values, never secrets: paths are cut at
 * secret-bearing words ({@link NodePath}) and callers pass only non-secret values to {@link #invalidValue}.
 */
final class MappingProblems {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    /** A node vpnlint does not model, named by its path; its values are not shown. */
    void unsupported(ConfigNode node) {
        unsupported(node, "'" + NodePath.of(node) + "' is not supported by vpnlint and was ignored");
    }

    void unsupported(ConfigNode node, String message) {
        diagnostics.add(new Diagnostic(node.location(), Level.NOTE, DiagnosticCodes.UNSUPPORTED_SYNTAX, message));
    }

    /** A value that does not parse, e.g. "nat source rule 10 translation address '10.0.0.300': not an ...". */
    void invalidValue(ConfigNode leaf, String value, String reason) {
        ConfigNode valueNode = leaf.child(value);
        ConfigNode where = valueNode != null ? valueNode : leaf;
        diagnostics.add(new Diagnostic(where.location(), Level.WARNING, DiagnosticCodes.INVALID_VALUE,
                NodePath.of(leaf) + " '" + value + "': " + reason));
    }

    /** A problem with a node as a whole (a missing mandatory child, a reference to nothing). */
    void invalid(ConfigNode node, String message) {
        diagnostics.add(new Diagnostic(node.location(), Level.WARNING, DiagnosticCodes.INVALID_VALUE, message));
    }

    void notAnalysed(ConfigNode family) {
        diagnostics.add(new Diagnostic(family.location(), Level.NOTE, DiagnosticCodes.NOT_ANALYSED,
                "'" + NodePath.of(family) + "' is not analysed by vpnlint"));
    }

    /** A mapper bug: only the exception's type is shown, its message might quote configuration text. */
    void internalError(ConfigNode family, RuntimeException bug) {
        diagnostics.add(new Diagnostic(family.location(), Level.ERROR, DiagnosticCodes.INTERNAL_ERROR,
                "internal error while reading '" + NodePath.of(family) + "' (" + bug.getClass().getSimpleName()
                        + "); this part of the file was not analysed, the rest was"));
    }

    void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    List<Diagnostic> toList() {
        return List.copyOf(diagnostics);
    }
}
