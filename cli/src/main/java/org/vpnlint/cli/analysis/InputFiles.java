package org.vpnlint.cli.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * Turns the paths given by the user into the configuration files to read. A file named on the command line is
 * always read, whatever its name; a directory is searched recursively for the names routers are saved under
 * ({@code config.boot}, {@code *.conf}, {@code *.boot}, {@code *.set}, {@code *.vyos}). The result is sorted, so a
 * run never depends on the order the file system lists directories in.
 */
public final class InputFiles {

    private InputFiles() {}

    /** True for the file names vpnlint picks up when it searches a directory. */
    public static boolean looksLikeRouterConfig(Path file) {
        String name = file.getFileName().toString();
        return name.equals("config.boot")
                || name.endsWith(".conf")
                || name.endsWith(".boot")
                || name.endsWith(".set")
                || name.endsWith(".vyos");
    }

    /**
     * The files to read, as absolute normalised paths. A path that does not exist, or a directory without any
     * configuration, is reported as an error diagnostic in {@code problems}.
     */
    public static List<Path> expand(List<Path> paths, List<Diagnostic> problems) {
        TreeSet<Path> files = new TreeSet<>();
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                List<Path> found;
                try {
                    found = search(path);
                } catch (IOException | UncheckedIOException e) {
                    problems.add(new Diagnostic(
                            SourceLocation.at(given.toString(), 1, 1),
                            Level.ERROR,
                            "no-input",
                            "the directory cannot be searched (" + e.getClass().getSimpleName() + ")"));
                    continue;
                }
                if (found.isEmpty()) {
                    problems.add(new Diagnostic(
                            SourceLocation.at(given.toString(), 1, 1),
                            Level.WARNING,
                            "no-input",
                            "no configuration files (config.boot, *.conf, *.boot, *.set, *.vyos) in this directory"));
                }
                files.addAll(found);
            } else {
                problems.add(new Diagnostic(
                        SourceLocation.at(given.toString(), 1, 1),
                        Level.ERROR,
                        "no-input",
                        "no such file or directory"));
            }
        }
        return new ArrayList<>(files);
    }

    private static List<Path> search(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(InputFiles::looksLikeRouterConfig)
                    .filter(file -> !isHidden(directory, file))
                    .sorted()
                    .toList();
        }
    }

    /** Skips files under dot-directories (.git, .cache) below the searched directory. */
    private static boolean isHidden(Path searched, Path file) {
        for (Path part : searched.relativize(file)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }
}
