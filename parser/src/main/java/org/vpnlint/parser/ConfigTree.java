package org.vpnlint.parser;

import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/**
 * A parsed configuration file: the root of its word tree, the version footer if there was one
 * (e.g. {@code "firewall@5:ipsec@5:nat@5"}, null when absent), the release line if any, what went wrong
 * while reading it, and the {@code [SNIP]} marks where the file itself says something was left out.
 * A tree with error diagnostics may be partial.
 */
public record ConfigTree(
        String file,
        ConfigNode root,
        String componentVersions,
        String releaseVersion,
        SourceFormat format,
        List<Diagnostic> diagnostics,
        List<Elision> elisions) {

    public ConfigTree {
        diagnostics = List.copyOf(diagnostics);
        elisions = List.copyOf(elisions);
    }

    /** A tree in which nothing is marked as left out. */
    public ConfigTree(
            String file,
            ConfigNode root,
            String componentVersions,
            String releaseVersion,
            SourceFormat format,
            List<Diagnostic> diagnostics) {
        this(file, root, componentVersions, releaseVersion, format, diagnostics, List.of());
    }

    /** Whether reading met an error, so that the tree may be partial (the CLI's exit code 2). */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(diagnostic -> diagnostic.level() == Level.ERROR);
    }

    /** The two ways a VyOS/EdgeOS configuration is written down. */
    public enum SourceFormat {
        CURLY,
        COMMANDS
    }
}
