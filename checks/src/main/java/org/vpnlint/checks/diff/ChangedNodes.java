package org.vpnlint.checks.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigTree;

/**
 * The changed lines between two versions of a router: the word trees compared node by node by their path of
 * words (so the file format, the order of nodes, comments and blank lines do not count), reporting the outermost
 * node that one version has and the other has not. A renumbered rule is a removed and an added subtree.
 */
final class ChangedNodes {

    private final List<ChangedNode> changes;
    private final Map<String, List<String>> beforePaths;
    private final Map<String, List<String>> afterPaths;

    private ChangedNodes(
            List<ChangedNode> changes, Map<String, List<String>> beforePaths, Map<String, List<String>> afterPaths) {
        this.changes = List.copyOf(changes);
        this.beforePaths = beforePaths;
        this.afterPaths = afterPaths;
    }

    static ChangedNodes between(ConfigTree before, ConfigTree after) {
        List<ChangedNode> changes = new ArrayList<>();
        collect(before.root(), after.root(), ChangedNode.Kind.REMOVED, after.root(), changes);
        collect(after.root(), before.root(), ChangedNode.Kind.ADDED, after.root(), changes);
        return new ChangedNodes(changes, pathsByLocation(before.root()), pathsByLocation(after.root()));
    }

    /** The path of words of the node at this location, in the old or the new version, or null. */
    List<String> pathAt(SourceLocation location, boolean inNewVersion) {
        return location == null ? null : (inNewVersion ? afterPaths : beforePaths).get(key(location));
    }

    List<ChangedNode> all() {
        return changes;
    }

    boolean isEmpty() {
        return changes.isEmpty();
    }

    /**
     * The changes that touch a node a trace step acted at (the node, something inside it, or something enclosing
     * it), in either version; all changes when none does.
     */
    List<ChangedNode> relatedTo(List<SourceLocation> beforeSteps, List<SourceLocation> afterSteps) {
        List<List<String>> beforeNodes = nodes(beforeSteps, beforePaths);
        List<List<String>> afterNodes = nodes(afterSteps, afterPaths);
        List<ChangedNode> related = new ArrayList<>();
        for (ChangedNode change : changes) {
            List<List<String>> acting = change.kind() == ChangedNode.Kind.REMOVED ? beforeNodes : afterNodes;
            if (acting.stream().anyMatch(node -> nested(node, change.path()))) related.add(change);
        }
        return related.isEmpty() ? changes : related;
    }

    private static List<List<String>> nodes(List<SourceLocation> steps, Map<String, List<String>> paths) {
        List<List<String>> nodes = new ArrayList<>();
        for (SourceLocation step : steps) {
            List<String> path = paths.get(key(step));
            if (path != null) nodes.add(path);
        }
        return nodes;
    }

    /** One path is a prefix of the other. */
    private static boolean nested(List<String> left, List<String> right) {
        int common = Math.min(left.size(), right.size());
        return common > 0 && left.subList(0, common).equals(right.subList(0, common));
    }

    /** Walks {@code node}, reporting its outermost descendants {@code other} has no node for. */
    private static void collect(
            ConfigNode node, ConfigNode other, ChangedNode.Kind kind, ConfigNode afterRoot, List<ChangedNode> changes) {
        for (ConfigNode child : node.children()) {
            ConfigNode twin = other.child(child.word());
            if (twin != null) {
                collect(child, twin, kind, afterRoot, changes);
                continue;
            }
            SourceLocation shownAt = kind == ChangedNode.Kind.ADDED
                    ? child.location()
                    : other.parent() == null ? firstLine(afterRoot) : other.location();
            changes.add(new ChangedNode(kind, child.path(), child.location(), shownAt));
        }
    }

    private static SourceLocation firstLine(ConfigNode root) {
        return root.children().isEmpty()
                ? root.location()
                : root.children().get(0).location();
    }

    private static Map<String, List<String>> pathsByLocation(ConfigNode root) {
        Map<String, List<String>> paths = new HashMap<>();
        index(root, paths);
        return paths;
    }

    private static void index(ConfigNode node, Map<String, List<String>> paths) {
        for (ConfigNode child : node.children()) {
            paths.putIfAbsent(key(child.location()), child.path());
            index(child, paths);
        }
    }

    private static String key(SourceLocation location) {
        return location.line() + ":" + location.column();
    }
}
