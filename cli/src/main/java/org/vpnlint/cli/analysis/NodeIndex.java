package org.vpnlint.cli.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;

/**
 * Finds the configuration node a finding points at, from the finding's location. Rules report the location of a
 * model element, which the dialect mapper took from a node, so an exact line and column usually names one node;
 * otherwise the node on that line that starts last at or before the column is taken.
 */
final class NodeIndex {
    private final Map<Integer, List<ConfigNode>> nodesByLine = new HashMap<>();

    NodeIndex(ConfigNode root) {
        List<ConfigNode> pending = new ArrayList<>(root.childView());
        while (!pending.isEmpty()) {
            ConfigNode node = pending.remove(pending.size() - 1);
            nodesByLine
                    .computeIfAbsent(node.location().line(), line -> new ArrayList<>())
                    .add(node);
            pending.addAll(node.childView());
        }
    }

    /** The node at this location, or null when no node starts on its line. */
    ConfigNode nodeAt(SourceLocation location) {
        List<ConfigNode> onLine = nodesByLine.get(location.line());
        if (onLine == null) return null;
        ConfigNode best = null;
        for (ConfigNode node : onLine) {
            int column = node.location().column();
            if (column > location.column()) continue;
            if (best == null
                    || column > best.location().column()
                    || (column == best.location().column() && isBelow(node, best))) {
                best = node;
            }
        }
        if (best != null) return best;
        for (ConfigNode node : onLine) {
            if (best == null || node.location().column() < best.location().column()) best = node;
        }
        return best;
    }

    private static boolean isBelow(ConfigNode node, ConfigNode other) {
        for (ConfigNode step = node.parent(); step != null; step = step.parent()) {
            if (step == other) return true;
        }
        return false;
    }
}
