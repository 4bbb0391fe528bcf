package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vpnlint.model.SourceLocation;

/**
 * One word of a VyOS configuration path. Both file formats give the same word tree:
 * {@code nat { source { rule 10 { exclude } } }} and {@code set nat source rule 10 exclude} both give
 * nat → source → rule → 10 → exclude. A tag node's value ("10") and a leaf's value ("203.0.113.134")
 * are child words; a multi-value leaf has several children; a valueless leaf has none.
 * Quoted values are stored without their quotes.
 */
public final class ConfigNode {
    private final String word;
    private SourceLocation location;
    private final Map<String, ConfigNode> children = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();
    private ConfigNode parent;

    public ConfigNode(String word, SourceLocation location) {
        this.word = Objects.requireNonNull(word);
        this.location = Objects.requireNonNull(location);
    }

    public String word() {
        return word;
    }

    public SourceLocation location() {
        return location;
    }

    /**
     * Records where the statement that introduced this node ends: a block's closing brace, or the end of a
     * leaf's last word. {@code endColumn} is the column just after the last character, as in SARIF regions.
     */
    public void endsAt(int endLine, int endColumn) {
        location = location.withEnd(endLine, endColumn);
    }

    public ConfigNode parent() {
        return parent;
    }

    /** The child with this word, or null. */
    public ConfigNode child(String childWord) {
        return children.get(childWord);
    }

    /** The node at this relative path of words, or null when any word is missing. */
    public ConfigNode at(String... path) {
        ConfigNode node = this;
        for (String step : path) {
            node = node.child(step);
            if (node == null) return null;
        }
        return node;
    }

    public List<ConfigNode> children() {
        return List.copyOf(children.values());
    }

    /**
     * The children without copying them, for walks over the whole tree that do not change it: {@link #children()}
     * copies, and the walks of every node of a 43,000-line router (secrets, suppressions, the line index) spent a
     * tenth of reading it on those copies.
     */
    public Collection<ConfigNode> childView() {
        return Collections.unmodifiableCollection(children.values());
    }

    public boolean has(String childWord) {
        return children.containsKey(childWord);
    }

    public boolean isLeafWord() {
        return children.isEmpty();
    }

    /** The single value below a leaf node (e.g. "eth0" below "outbound-interface"), or null. */
    public String value() {
        return children.isEmpty() ? null : children.keySet().iterator().next();
    }

    /** All values below a multi-value leaf, in file order. */
    public List<String> values() {
        return List.copyOf(children.keySet());
    }

    /** Comments written just before the statement that introduced this node (text without the markers). */
    public List<String> comments() {
        return Collections.unmodifiableList(comments);
    }

    public void addComment(String text) {
        comments.add(text);
    }

    /** The child with this word, created at {@code where} if it does not exist yet. */
    public ConfigNode getOrAdd(String childWord, SourceLocation where) {
        ConfigNode existing = children.get(childWord);
        if (existing != null) return existing;
        ConfigNode added = new ConfigNode(childWord, where);
        added.parent = this;
        children.put(childWord, added);
        return added;
    }

    /** Removes the child with this word (a {@code delete} command); returns it, or null. */
    public ConfigNode remove(String childWord) {
        ConfigNode removed = children.remove(childWord);
        if (removed != null) removed.parent = null;
        return removed;
    }

    /** Adds a detached subtree under its own word, replacing any child of that word ({@code copy}/{@code rename}). */
    public void put(ConfigNode subtree) {
        subtree.parent = this;
        children.put(subtree.word, subtree);
    }

    /** A deep copy of this subtree under another word, keeping the locations of the original. */
    public ConfigNode copyAs(String newWord) {
        ConfigNode copy = new ConfigNode(newWord, location);
        copy.comments.addAll(comments);
        for (ConfigNode child : children.values()) copy.put(child.copyAs(child.word));
        return copy;
    }

    /** The words from the root (exclusive) down to this node, e.g. [nat, source, rule, 10]. */
    public List<String> path() {
        List<String> path = new ArrayList<>();
        for (ConfigNode node = this; node != null && node.parent != null; node = node.parent) path.add(0, node.word);
        return path;
    }

    /**
     * Equality of content only: the same words with the same children, in any order, ignoring locations and
     * comments. This is what "the same router in both formats" means.
     */
    public boolean sameContent(ConfigNode other) {
        if (!word.equals(other.word) || children.size() != other.children.size()) return false;
        for (Map.Entry<String, ConfigNode> entry : children.entrySet()) {
            ConfigNode twin = other.children.get(entry.getKey());
            if (twin == null || !entry.getValue().sameContent(twin)) return false;
        }
        return true;
    }

    /** The tree as sorted {@code set} commands, one per leaf: handy in test failure messages. */
    public String toSetCommands() {
        List<String> lines = new ArrayList<>();
        collectSetCommands(new ArrayList<>(), lines);
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    private void collectSetCommands(List<String> prefix, List<String> out) {
        if (parent != null) prefix.add(word.contains(" ") || word.isEmpty() ? "'" + word + "'" : word);
        if (children.isEmpty() && parent != null) out.add("set " + String.join(" ", prefix));
        for (ConfigNode child : children.values()) child.collectSetCommands(prefix, out);
        if (parent != null) prefix.remove(prefix.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(" ", path()) + " @" + location;
    }
}
