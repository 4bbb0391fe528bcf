package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;

/**
 * A node being mapped, remembering which of its children the mapper has looked at. When the mapper is done,
 * {@link #finish()} reports every child it did not read as {@code unsupported-syntax}, so nothing a mapper
 * does not understand can disappear silently.
 */
final class ConfigSection {
    private final ConfigNode node;
    private final MappingProblems problems;
    private final Set<String> read = new HashSet<>();

    ConfigSection(ConfigNode node, MappingProblems problems) {
        this.node = node;
        this.problems = problems;
    }

    ConfigNode node() {
        return node;
    }

    MappingProblems problems() {
        return problems;
    }

    String path() {
        return NodePath.of(node);
    }

    SourceLocation location() {
        return node.location();
    }

    /** The child node with this word (marked as read), or null. */
    ConfigNode leaf(String word) {
        read.add(word);
        return node.child(word);
    }

    /** The single value of a leaf child, or null when the leaf is absent or valueless. */
    String value(String word) {
        ConfigNode leaf = leaf(word);
        return leaf == null ? null : valueOf(leaf);
    }

    /**
     * The value of a single-value leaf: the last one written. A command script that sets a leaf twice leaves
     * two values in the tree (the reader does not know which leaves are single-valued); VyOS keeps the last.
     */
    static String valueOf(ConfigNode leaf) {
        List<String> values = leaf.values();
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** All values of a multi-value leaf child, empty when absent. */
    List<String> values(String word) {
        ConfigNode leaf = leaf(word);
        return leaf == null ? List.of() : leaf.values();
    }

    /** Whether a valueless leaf ({@code exclude}, {@code disable}) is present. */
    boolean flag(String word) {
        read.add(word);
        return node.has(word);
    }

    /** The child block with this word, or null. */
    ConfigSection section(String word) {
        ConfigNode child = leaf(word);
        return child == null ? null : new ConfigSection(child, problems);
    }

    /** The entries of a tag node: {@code rule 10 ..., rule 20 ...} gives the sections "10" and "20". */
    List<ConfigSection> entries(String tagWord) {
        ConfigNode tag = leaf(tagWord);
        if (tag == null) return List.of();
        List<ConfigSection> entries = new ArrayList<>();
        for (ConfigNode entry : tag.children()) entries.add(new ConfigSection(entry, problems));
        return entries;
    }

    /** Marks children as understood but deliberately not modelled (descriptions, logging). */
    void ignore(String... words) {
        read.addAll(List.of(words));
    }

    /** This section's own word as a rule/tunnel number, or null (reported) when it is not one. */
    Integer number() {
        try {
            int number = Integer.parseInt(node.word());
            if (number >= 0) return number;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        ConfigNode tag = node.parent();
        problems.invalidValue(tag, node.word(), "not a number");
        return null;
    }

    /** Reports the children nobody read. */
    void finish() {
        for (ConfigNode child : node.children()) {
            if (!read.contains(child.word())) problems.unsupported(child);
        }
    }
}
