package org.vpnlint.oracle;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A long-running command started inside a namespace (e.g. {@code ip xfrm monitor acquire}), killed by pid on
 * {@link #close()}. It also runs under coreutils {@code timeout}, so even if the JVM dies without running its
 * shutdown hook (kill -9) the process ends by itself after {@code maxLifetime}.
 */
public final class BackgroundProcess implements AutoCloseable {

    private final Process process;
    private final List<String> command;
    private final Instant deadline;

    private BackgroundProcess(Process process, List<String> command, Instant deadline) {
        this.process = process;
        this.command = command;
        this.deadline = deadline;
    }

    static BackgroundProcess start(NetworkNamespace namespace, List<String> command, Duration maxLifetime) {
        List<String> full = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                namespace.name(),
                "timeout",
                "--kill-after=2",
                String.valueOf(maxLifetime.toSeconds())));
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new BackgroundProcess(
                    process, List.copyOf(full), Instant.now().plus(maxLifetime));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", full), e);
        }
    }

    /** The pid of the process we started ({@code ip netns exec} execs {@code timeout}, which keeps this pid). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** True while the process runs and will not reach its maximum lifetime within {@code margin}. */
    public boolean willLive(Duration margin) {
        return isAlive() && Instant.now().plus(margin).isBefore(deadline);
    }

    /** Kills the process and its children by pid. Never throws. */
    @Override
    public void close() {
        try {
            CommandRunner.kill(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "pid " + pid() + ": " + String.join(" ", command);
    }
}
