package org.vpnlint.cli.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.checks.Finding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigTree;

/**
 * The {@code vpnlint:ignore} comments of the reported files, and which findings they silence.
 *
 * <p>A suppression is written on the line above a node (or at the end of its line, or as a VyOS {@code comment}
 * on it) and silences the named rules for findings on that node and everything below it. It also covers the
 * words of the same statement above it: {@code rule 10 { /* … *&#47;} sits on "10" but silences a finding
 * reported at "rule". Problems with the suppressions themselves are diagnostics: a missing reason or a bad
 * date (the suppression is ignored), an expired one (the finding is reported again), one that names an unknown
 * rule, and one that silences nothing ({@code useless-suppression}).
 */
final class Suppressions {
    private final Map<String, NodeIndex> indexByFile = new HashMap<>();
    private final Map<ConfigNode, List<Suppression>> byNode = new HashMap<>();
    private final Set<Suppression> used = new LinkedHashSet<>();
    private final Set<Suppression> reportedExpired = new LinkedHashSet<>();
    private final List<Suppression> all = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final LocalDate today;

    Suppressions(List<ConfigTree> reportedTrees, Set<String> knownRuleIds, LocalDate today) {
        this.today = today;
        for (ConfigTree tree : reportedTrees) {
            indexByFile.put(tree.file(), new NodeIndex(tree.root()));
            collect(tree.root(), knownRuleIds);
        }
    }

    /** The suppression that silences this finding, or null when it is to be reported. */
    Suppression silencing(Finding finding) {
        NodeIndex index = indexByFile.get(finding.location().file());
        if (index == null) return null;
        ConfigNode node = index.nodeAt(finding.location());
        if (node == null) return null;
        for (ConfigNode carrier : carriers(node)) {
            for (Suppression suppression : byNode.getOrDefault(carrier, List.of())) {
                if (!suppression.silences(finding.ruleId())) continue;
                if (suppression.expiredOn(today)) {
                    if (reportedExpired.add(suppression)) {
                        diagnostics.add(
                                problem(
                                        carrier,
                                        "expired-suppression",
                                        "the suppression of "
                                                + finding.ruleId() + " expired on " + suppression.expires()
                                                + "; the finding is reported again (fix it, or extend the date with a reason)"));
                    }
                    continue;
                }
                used.add(suppression);
                return suppression;
            }
        }
        return null;
    }

    /** Problems with the suppressions; call after every finding went through {@link #silencing}. */
    List<Diagnostic> diagnostics() {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        for (Suppression suppression : all) {
            if (!used.contains(suppression) && !reportedExpired.contains(suppression)) {
                out.add(problem(
                        suppression.node(),
                        "useless-suppression",
                        "this suppression of " + String.join(", ", suppression.ruleIds())
                                + " silences nothing; remove it"));
            }
        }
        return out;
    }

    private void collect(ConfigNode root, Set<String> knownRuleIds) {
        for (String text : root.comments()) {
            if (SuppressionComment.isSuppression(text)) {
                diagnostics.add(new Diagnostic(
                        root.location(),
                        Level.WARNING,
                        "misplaced-suppression",
                        "this suppression is not directly above a configuration node, so it silences nothing;"
                                + " put it on the line just above the node"));
            }
        }
        List<ConfigNode> pending = new ArrayList<>(root.childView());
        while (!pending.isEmpty()) {
            ConfigNode node = pending.remove(pending.size() - 1);
            for (String text : node.comments()) {
                if (SuppressionComment.isSuppression(text)) add(node, SuppressionComment.parse(text), knownRuleIds);
            }
            pending.addAll(node.childView());
        }
        all.sort((a, b) -> a.node().location().compareTo(b.node().location()));
    }

    private void add(ConfigNode node, SuppressionComment.Parsed parsed, Set<String> knownRuleIds) {
        if (parsed.problem() != null) {
            diagnostics.add(problem(node, "invalid-suppression", parsed.problem()));
            return;
        }
        for (String ruleId : parsed.ruleIds()) {
            if (!knownRuleIds.contains(ruleId)) {
                diagnostics.add(problem(
                        node,
                        "invalid-suppression",
                        "unknown rule '" + ruleId + "' in this suppression (`vpnlint rules` lists the rule ids)"));
            }
        }
        Suppression suppression = new Suppression(parsed.ruleIds(), parsed.reason(), parsed.expires(), node);
        byNode.computeIfAbsent(node, key -> new ArrayList<>()).add(suppression);
        all.add(suppression);
    }

    /**
     * The node itself, the nodes written on the same line below it (the rest of its statement: "10" below "rule",
     * or the value a {@code set} command ends with), and its ancestors.
     */
    private static List<ConfigNode> carriers(ConfigNode node) {
        List<ConfigNode> carriers = new ArrayList<>();
        List<ConfigNode> pending = new ArrayList<>(node.childView());
        while (!pending.isEmpty()) {
            ConfigNode below = pending.remove(pending.size() - 1);
            if (below.location().line() != node.location().line()) continue;
            carriers.add(below);
            pending.addAll(below.childView());
        }
        for (ConfigNode step = node; step != null && step.parent() != null; step = step.parent()) carriers.add(step);
        return carriers;
    }

    private static Diagnostic problem(ConfigNode node, String code, String message) {
        return new Diagnostic(node.location(), Level.WARNING, code, message);
    }
}
