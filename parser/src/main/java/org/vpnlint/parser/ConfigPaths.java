package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;

/** Walking and growing the word tree along a path of words. */
final class ConfigPaths {

    private ConfigPaths() {}

    /** How many words lie between the root and this node (the root itself is at depth 0). */
    static int depth(ConfigNode node) {
        int depth = 0;
        for (ConfigNode step = node; step.parent() != null; step = step.parent()) depth++;
        return depth;
    }

    /** The node at the end of the path, each missing word created where it was written. */
    static ConfigNode grow(ConfigNode from, List<PathWord> path) {
        ConfigNode node = from;
        for (PathWord step : path) node = node.getOrAdd(step.word(), step.location());
        return node;
    }

    /** The node at the end of the path, or null when some word of it is not configured. */
    static ConfigNode find(ConfigNode from, List<PathWord> path) {
        ConfigNode node = from;
        for (PathWord step : path) {
            node = node.child(step.word());
            if (node == null) return null;
        }
        return node;
    }

    static List<String> words(List<PathWord> path) {
        List<String> words = new ArrayList<>(path.size());
        for (PathWord step : path) words.add(step.word());
        return words;
    }

    static List<PathWord> concat(List<PathWord> first, List<PathWord> second) {
        List<PathWord> joined = new ArrayList<>(first.size() + second.size());
        joined.addAll(first);
        joined.addAll(second);
        return joined;
    }
}
