package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigNode;

/**
 * The diagnostics of one mapping run, and the approximations they cause. Messages name paths and values, never
 * secrets: paths are cut at secret-bearing words ({@link NodePath}) and callers pass only non-secret values to
 * {@link #invalidValue}.
 *
 * <p>A node left unread, or a condition read as "any" because its value does not parse, makes the element it
 * belongs to (a firewall or NAT rule) wider than written. Each such report is also kept as an {@link Approximation}
 * of its node, and a mapper asks {@link #approximationsUnder} for those of the element it builds, so no rule can
 * drop a condition without saying so.
 */
final class MappingProblems {
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<ConfigNode, List<Approximation>> approximations = new IdentityHashMap<>();

    /** A node vpnlint does not model, named by its path; its values are not shown. */
    void unsupported(ConfigNode node) {
        unsupported(node, "'" + NodePath.of(node) + "' is not supported by vpnlint and was ignored");
    }

    /** A node vpnlint does not read: the element it belongs to is read without it, so wider. */
    void unsupported(ConfigNode node, String message) {
        diagnostics.add(new Diagnostic(node.location(), Level.NOTE, DiagnosticCodes.UNSUPPORTED_SYNTAX, message));
        approximate(node, Approximation.wider("'" + NodePath.of(node) + "' could not be read", node.location()));
    }

    /** A condition whose value does not parse and is read as matching anything: reported, and the element is wider. */
    void widened(ConfigNode leaf, String value, String reason) {
        invalidValue(leaf, value, reason);
        approximate(
                leaf,
                Approximation.wider("'" + NodePath.of(leaf) + " " + value + "' could not be read", leaf.location()));
    }

    /** Records an approximation of the element that contains {@code node}, without a diagnostic of its own. */
    void approximate(ConfigNode node, Approximation approximation) {
        approximations.computeIfAbsent(node, n -> new ArrayList<>()).add(approximation);
    }

    /** The approximations recorded on {@code element} and its descendants, in file order. */
    List<Approximation> approximationsUnder(ConfigNode element) {
        if (approximations.isEmpty()) return List.of();
        List<Approximation> found = new ArrayList<>();
        collect(element, found);
        return found;
    }

    private void collect(ConfigNode node, List<Approximation> found) {
        List<Approximation> here = approximations.get(node);
        if (here != null) found.addAll(here);
        for (ConfigNode child : node.childView()) collect(child, found);
    }

    /** A value that does not parse, e.g. "nat source rule 10 translation address '10.0.0.300': not an ...". */
    void invalidValue(ConfigNode leaf, String value, String reason) {
        ConfigNode valueNode = leaf.child(value);
        ConfigNode where = valueNode != null ? valueNode : leaf;
        diagnostics.add(new Diagnostic(
                where.location(),
                Level.WARNING,
                DiagnosticCodes.INVALID_VALUE,
                NodePath.of(leaf) + " '" + value + "': " + reason));
    }

    /** A problem with a node as a whole (a missing mandatory child, a reference to nothing). */
    void invalid(ConfigNode node, String message) {
        diagnostics.add(new Diagnostic(node.location(), Level.WARNING, DiagnosticCodes.INVALID_VALUE, message));
    }

    void notAnalysed(ConfigNode family) {
        diagnostics.add(new Diagnostic(
                family.location(),
                Level.NOTE,
                DiagnosticCodes.NOT_ANALYSED,
                "'" + NodePath.of(family) + "' is not analysed by vpnlint"));
    }

    /** A mapper bug: only the exception's type is shown, its message might quote configuration text. */
    void internalError(ConfigNode family, RuntimeException bug) {
        diagnostics.add(new Diagnostic(
                family.location(),
                Level.ERROR,
                DiagnosticCodes.INTERNAL_ERROR,
                "internal error while reading '" + NodePath.of(family) + "' ("
                        + bug.getClass().getSimpleName() + "); this part of the file was not analysed, the rest was"));
    }

    void add(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    List<Diagnostic> toList() {
        return List.copyOf(diagnostics);
    }
}
