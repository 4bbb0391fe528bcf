package org.vpnlint.cli.diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads files of a git repository as a revision or the index has them, by running {@code git} (as CI and the
 * pre-commit framework do): {@code git cat-file blob REV:path}, {@code :path} for the staged version.
 */
final class GitRevision {

    private final Path topLevel;

    private GitRevision(Path topLevel) {
        this.topLevel = topLevel;
    }

    /** The repository that holds {@code directory}. */
    static GitRevision containing(Path directory) throws GitException {
        String top = new String(run(directory, "rev-parse", "--show-toplevel"), StandardCharsets.UTF_8).strip();
        return new GitRevision(Path.of(top).toAbsolutePath().normalize());
    }

    Path topLevel() {
        return topLevel;
    }

    /** Fails unless {@code revision} names a commit. */
    void requireCommit(String revision) throws GitException {
        run(topLevel, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    }

    /** The file as the revision has it ({@code revision} "" for the index), or empty when it has no such file. */
    Optional<byte[]> file(String revision, Path file) {
        String relative = topLevel.relativize(file.toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
        try {
            return Optional.of(run(topLevel, "cat-file", "blob", revision + ":" + relative));
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    /** The staged files (added, copied, modified, renamed), absolute. */
    List<Path> stagedFiles() throws GitException {
        String names = new String(
                run(topLevel, "diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"), StandardCharsets.UTF_8);
        List<Path> files = new ArrayList<>();
        for (String name : names.split("\0")) {
            if (!name.isEmpty()) files.add(topLevel.resolve(name).normalize());
        }
        return files;
    }

    private static byte[] run(Path directory, String... arguments) throws GitException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new GitException("git cannot be run (" + e.getClass().getSimpleName() + ")");
        }
        try (InputStream out = process.getInputStream()) {
            byte[] output = out.readAllBytes();
            int status = process.waitFor();
            if (status != 0)
                throw new GitException("git " + String.join(" ", arguments) + " failed (exit " + status + ")");
            return output;
        } catch (IOException e) {
            throw new GitException("git output cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while waiting for git");
        }
    }

    /** git is missing, the directory is not in a repository, or the revision does not exist. */
    static final class GitException extends Exception {
        GitException(String message) {
            super(message);
        }
    }
}
