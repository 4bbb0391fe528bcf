package org.vpnlint.oracle.differential;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vpnlint.oracle.CommandRunner;

/**
 * The skip rule of the kernel tests (the harness's package-private {@code KernelAccess}, which this package cannot
 * call): run as root with nft, perl and network namespaces available; otherwise skip, or fail when
 * {@code VPNLINT_REQUIRE_KERNEL_ORACLE=1} (CI), so that a broken CI image cannot pass by skipping.
 */
final class KernelPrerequisites {

    private KernelPrerequisites() {
    }

    static void assumeAvailable() {
        String missing = missing();
        if (missing == null) return;
        if ("1".equals(System.getenv("VPNLINT_REQUIRE_KERNEL_ORACLE"))) {
            fail("kernel oracle required but unavailable: " + missing);
        }
        abort("kernel oracle unavailable: " + missing);
    }

    private static String missing() {
        if (!isRoot()) return "not running as root";
        CommandRunner runner = new CommandRunner();
        for (List<String> tool : List.of(List.of("nft", "--version"), List.of("perl", "-e", "use Socket; use Errno;"))) {
            if (!succeeds(runner, tool)) return tool.get(0) + " is not usable";
        }
        // The harness's own name pattern, so that its stale-namespace sweep would remove a leftover.
        String name = "vl" + ProcessHandle.current().pid() + "_0lan";
        if (!succeeds(runner, List.of("ip", "netns", "add", name))) return "cannot create a network namespace";
        runner.run("ip", "netns", "del", name);
        return null;
    }

    private static boolean succeeds(CommandRunner runner, List<String> command) {
        try {
            return runner.run(command, null).succeeded();
        } catch (RuntimeException missingBinary) {
            return false;
        }
    }

    private static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException e) {
            return false;
        }
    }
}
