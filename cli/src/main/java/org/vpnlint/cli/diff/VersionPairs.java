package org.vpnlint.cli.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.InputFiles;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigReader;

/**
 * Which old file goes with which new one: two files; two directories, whose routers are matched by their path
 * below each directory (the rest by host name, later, once read: {@link DiffRun}); or the working tree (or the
 * index) against a git revision.
 */
public final class VersionPairs {

    private VersionPairs() {}

    /** {@code vpnlint diff OLD NEW}: two files or two directories. Problems (a missing path) go to {@code problems}. */
    public static List<VersionPair> ofPaths(Path old, Path changed, Path workingDirectory, List<Diagnostic> problems) {
        if (Files.isRegularFile(old) && Files.isRegularFile(changed)) {
            return List.of(
                    new VersionPair(file(old, workingDirectory, problems), file(changed, workingDirectory, problems)));
        }
        if (Files.isDirectory(old) && Files.isDirectory(changed)) {
            Map<String, Path> before = below(old, problems);
            Map<String, Path> after = below(changed, problems);
            List<VersionPair> pairs = new ArrayList<>();
            for (Map.Entry<String, Path> entry : after.entrySet()) {
                Path twin = before.get(entry.getKey());
                pairs.add(new VersionPair(
                        twin == null ? null : file(twin, workingDirectory, problems),
                        file(entry.getValue(), workingDirectory, problems)));
            }
            for (Map.Entry<String, Path> entry : before.entrySet()) {
                if (!after.containsKey(entry.getKey()))
                    pairs.add(new VersionPair(file(entry.getValue(), workingDirectory, problems), null));
            }
            return pairs;
        }
        for (Path path : List.of(old, changed)) {
            if (!Files.exists(path)) problems.add(problem(path, workingDirectory, "no such file or directory"));
        }
        if (problems.isEmpty()) {
            problems.add(problem(changed, workingDirectory, "OLD and NEW must both be files or both be directories"));
        }
        return List.of();
    }

    /**
     * {@code vpnlint diff --base REV [PATH...]}: each configuration file under the paths (the staged ones with
     * {@code staged}) against the revision's version of the same file.
     */
    public static List<VersionPair> ofRevision(
            String revision, boolean staged, List<Path> paths, Path workingDirectory, List<Diagnostic> problems) {
        GitRevision git;
        try {
            git = GitRevision.containing(workingDirectory);
            git.requireCommit(revision);
        } catch (GitRevision.GitException e) {
            problems.add(new Diagnostic(
                    SourceLocation.at(revision, 1, 1),
                    Level.ERROR,
                    "git",
                    "cannot read revision " + revision + ": " + e.getMessage()));
            return List.of();
        }
        List<Path> files;
        if (staged) {
            try {
                files = git.stagedFiles().stream()
                        .filter(file -> chosen(file, paths))
                        .toList();
            } catch (GitRevision.GitException e) {
                problems.add(new Diagnostic(SourceLocation.at(".", 1, 1), Level.ERROR, "git", e.getMessage()));
                return List.of();
            }
        } else {
            files = InputFiles.expand(paths, problems);
        }
        List<VersionPair> pairs = new ArrayList<>();
        for (Path file : files) {
            String name = Analysis.displayName(file, workingDirectory);
            VersionFile after;
            if (staged) {
                Optional<byte[]> index = git.file("", file);
                if (index.isEmpty()) continue;
                after = new VersionFile(name, index.get());
            } else {
                after = file(file, workingDirectory, problems);
            }
            VersionFile before = git.file(revision, file)
                    .map(content -> new VersionFile(revision + ":" + name, content))
                    .orElse(null);
            pairs.add(new VersionPair(before, after));
        }
        return pairs;
    }

    /** A staged file is compared when it is a configuration under one of the paths (every path when none given). */
    private static boolean chosen(Path file, List<Path> paths) {
        if (paths.isEmpty()) return InputFiles.looksLikeRouterConfig(file);
        for (Path path : paths) {
            Path given = path.toAbsolutePath().normalize();
            if (file.equals(given)) return true;
            if (file.startsWith(given) && InputFiles.looksLikeRouterConfig(file)) return true;
        }
        return false;
    }

    private static Map<String, Path> below(Path directory, List<Diagnostic> problems) {
        Map<String, Path> files = new TreeMap<>();
        Path root = directory.toAbsolutePath().normalize();
        for (Path file : InputFiles.expand(List.of(directory), problems)) {
            files.put(root.relativize(file).toString().replace('\\', '/'), file);
        }
        return files;
    }

    private static VersionFile file(Path path, Path workingDirectory, List<Diagnostic> problems) {
        String name = Analysis.displayName(path, workingDirectory);
        try (InputStream in = Files.newInputStream(path)) {
            // one byte more than the reader accepts, so that it can say the file is too large
            return new VersionFile(name, in.readNBytes((int) ConfigReader.MAX_FILE_BYTES + 1));
        } catch (IOException e) {
            problems.add(new Diagnostic(
                    SourceLocation.at(name, 1, 1),
                    Level.ERROR,
                    "read-error",
                    "the file cannot be read (" + e.getClass().getSimpleName() + ")"));
            return new VersionFile(name, new byte[0]);
        }
    }

    private static Diagnostic problem(Path path, Path workingDirectory, String message) {
        return new Diagnostic(
                SourceLocation.at(Analysis.displayName(path, workingDirectory), 1, 1),
                Level.ERROR,
                "no-input",
                message);
    }
}
