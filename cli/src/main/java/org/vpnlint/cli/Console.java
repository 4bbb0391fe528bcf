package org.vpnlint.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command may touch of the outside world: its two output streams, the environment variables, whether
 * standard output is a terminal, and the working directory file names are shown relative to. Tests pass their own.
 */
public record Console(
        PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal, Path workingDirectory) {

    public Console {
        environment = Map.copyOf(environment);
    }

    /** Colour only on a terminal, and never when NO_COLOR is set (no-color.org). */
    public boolean colour() {
        return terminal && environment.getOrDefault("NO_COLOR", "").isEmpty();
    }

    /**
     * Whether standard error is a terminal, for progress lines. Java cannot tell by itself, so the launcher tests
     * it and says so in {@code VPNLINT_STDERR_TERMINAL=1}; without the launcher there is no progress.
     */
    public boolean errTerminal() {
        return "1".equals(environment.get("VPNLINT_STDERR_TERMINAL"));
    }

    public boolean onGithubActions() {
        return "true".equals(environment.get("GITHUB_ACTIONS"));
    }
}
