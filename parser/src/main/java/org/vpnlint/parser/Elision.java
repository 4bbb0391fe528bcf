package org.vpnlint.parser;

import java.util.List;
import org.vpnlint.model.SourceLocation;

/**
 * A {@code [SNIP]} mark: part of the configuration was left out where it stands. {@code path} is the node it stands
 * in (empty at the top level), so the part of the router it cuts into is known.
 */
public record Elision(SourceLocation location, List<String> path) {
    public Elision {
        path = List.copyOf(path);
    }
}
