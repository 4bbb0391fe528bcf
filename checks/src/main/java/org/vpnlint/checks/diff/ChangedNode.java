package org.vpnlint.checks.diff;

import java.util.List;
import org.vpnlint.model.SourceLocation;

/**
 * One node of the configuration that differs between the versions: a subtree only the new version has
 * ({@link Kind#ADDED}) or only the old one has ({@link Kind#REMOVED}); a changed value is one of each.
 *
 * @param path     the node's words from the root, e.g. [nat, source, rule, 5]
 * @param location where the node is, in its own version's file
 * @param shownAt  where it shows in the new version: the node itself when added, else the nearest enclosing node
 *                 the new version still has (its file's first line when none)
 */
public record ChangedNode(Kind kind, List<String> path, SourceLocation location, SourceLocation shownAt) {

    public enum Kind {
        ADDED,
        REMOVED
    }

    public ChangedNode {
        path = List.copyOf(path);
    }

    /** E.g. "removed: nat source rule 5". */
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + String.join(" ", path);
    }
}
