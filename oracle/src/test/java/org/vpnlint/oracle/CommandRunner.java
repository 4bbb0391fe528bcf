package org.vpnlint.oracle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs external commands (ip, nft, perl) with a hard timeout.
 *
 * <p>Input and output go through temporary files rather than pipes: a pipe can stay open in a grandchild and block
 * the reader forever, or fill up and block the writer; a file cannot. A command that outlives its timeout is
 * killed by pid, together with its descendants.
 */
public final class CommandRunner {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration timeout;

    public CommandRunner() {
        this(DEFAULT_TIMEOUT);
    }

    public CommandRunner(Duration timeout) {
        this.timeout = timeout;
    }

    public CommandResult run(String... command) {
        return run(List.of(command), null);
    }

    /** Runs {@code command}, feeding it {@code stdin} when that is not null, and waits at most the timeout. */
    public CommandResult run(List<String> command, String stdin) {
        List<Path> files = new ArrayList<>();
        try {
            Path out = tempFile(files, ".out");
            Path err = tempFile(files, ".err");
            File input = new File("/dev/null");
            if (stdin != null) {
                Path in = tempFile(files, ".in");
                Files.writeString(in, stdin);
                input = in.toFile();
            }
            Process process = new ProcessBuilder(command)
                    .redirectInput(input)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                kill(process);
            }
            return new CommandResult(
                    command,
                    finished ? process.exitValue() : -1,
                    Files.readString(out),
                    Files.readString(err),
                    !finished);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        } finally {
            files.forEach(CommandRunner::deleteQuietly);
        }
    }

    private static Path tempFile(List<Path> created, String suffix) throws IOException {
        Path file = Files.createTempFile("vpnlint-oracle-", suffix);
        created.add(file);
        return file;
    }

    /** Kills the process and everything it started, by pid, and waits briefly for it to be gone. */
    static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(2, TimeUnit.SECONDS);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover empty temp file is harmless; the command's result matters more.
        }
    }
}
