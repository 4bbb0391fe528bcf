package org.vpnlint.oracle;

import java.util.ArrayList;
import java.util.List;

/** A named Linux network namespace (as in {@code ip netns}) and the ways to run commands inside it. */
public record NetworkNamespace(String name, CommandRunner runner) {

    /** {@code ip -n NAME args...}: iproute2 switches namespace itself, which is cheaper than {@code ip netns exec}. */
    public CommandResult ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name));
        command.addAll(List.of(args));
        return runner.run(command, null);
    }

    /** Runs iproute2 commands from a batch, one per line; stops at the first failing line. */
    public CommandResult ipBatch(String batch) {
        return runner.run(List.of("ip", "-n", name, "-batch", "-"), batch);
    }

    /** Loads an nft script atomically ({@code nft -f -}). */
    public CommandResult nft(String script) {
        return exec(List.of("nft", "-f", "-"), script);
    }

    /** {@code ip netns exec NAME command...}, optionally with standard input. */
    public CommandResult exec(List<String> command, String stdin) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(command);
        return runner.run(full, stdin);
    }

    public CommandResult exec(String... command) {
        return exec(List.of(command), null);
    }

    /** Reads a file under /proc as seen from inside this namespace (e.g. /proc/net/xfrm_stat is per namespace). */
    public String readProcFile(String path) {
        return exec("cat", path).orThrow().stdout();
    }

    /** Writes a sysctl of this namespace through /proc/sys; procps may not be installed on a minimal system. */
    public void writeSysctl(String procSysPath, String value) {
        exec(List.of("sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", value, procSysPath), null)
                .orThrow();
    }
}
