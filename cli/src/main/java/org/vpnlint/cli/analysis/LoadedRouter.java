package org.vpnlint.cli.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.MappedRouter;
import org.vpnlint.parser.dialect.RouterMapper;

/**
 * One configuration file read and mapped: its tree (kept for suppression comments), the router (null when nothing
 * could be mapped) and the diagnostics of reading and mapping it. {@code name} is how locations name the file.
 */
public record LoadedRouter(String name, ConfigTree tree, Router router, List<Diagnostic> diagnostics) {

    /** Reads {@code file}, naming it {@code name} in every location, and maps it with the dialect (null: detect). */
    public static LoadedRouter read(Path file, String name, Dialect dialect) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than the reader accepts, so that it can tell the user the file is too large.
            content = in.readNBytes((int) ConfigReader.MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            return unreadable(name, "the file cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return fromContent(name, content, dialect);
    }

    /**
     * Reads a configuration held in memory (e.g. a version from git), naming it {@code name} in every location, and
     * maps it with the dialect (null: detect).
     */
    public static LoadedRouter fromContent(String name, byte[] content, Dialect dialect) {
        ConfigTree tree = ConfigReader.read(name, content);
        List<Diagnostic> diagnostics = new ArrayList<>(tree.diagnostics());
        if (tree.root().children().isEmpty()) return new LoadedRouter(name, tree, null, diagnostics);
        MappedRouter mapped = RouterMapper.map(tree, dialect);
        diagnostics.addAll(mapped.diagnostics());
        return new LoadedRouter(name, tree, mapped.router(), diagnostics);
    }

    /** A file that could not be read at all. */
    public static LoadedRouter unreadable(String name, String why) {
        SourceLocation start = SourceLocation.at(name, 1, 1);
        ConfigTree empty =
                new ConfigTree(name, new ConfigNode("", start), null, null, ConfigTree.SourceFormat.CURLY, List.of());
        return new LoadedRouter(name, empty, null, List.of(new Diagnostic(start, Level.ERROR, "read-error", why)));
    }

    /** A file whose reading or mapping failed inside vpnlint (reported as an internal failure). */
    static LoadedRouter failed(String name) {
        SourceLocation start = SourceLocation.at(name, 1, 1);
        ConfigTree empty =
                new ConfigTree(name, new ConfigNode("", start), null, null, ConfigTree.SourceFormat.CURLY, List.of());
        return new LoadedRouter(name, empty, null, List.of());
    }
}
