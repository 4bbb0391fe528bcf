package org.vpnlint.oracle;

import java.util.List;

/**
 * What one external command did: its exit code and everything it printed.
 *
 * @param command  the argument vector that was run
 * @param exitCode the process exit code; meaningless when {@code timedOut}
 * @param stdout   standard output, decoded as UTF-8
 * @param stderr   standard error, decoded as UTF-8
 * @param timedOut true when the command was killed because it ran past its timeout
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr, boolean timedOut) {

    public CommandResult {
        command = List.copyOf(command);
    }

    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }

    /** Returns this result, or throws with the command and its error output if it did not succeed. */
    public CommandResult orThrow() {
        if (!succeeded()) {
            String why = timedOut ? "timed out" : "exited with " + exitCode;
            throw new IllegalStateException(String.join(" ", command) + " " + why + ": " + stderr.strip());
        }
        return this;
    }
}
