package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decides whether kernel tests can run here: root, iproute2 able to create a namespace, nft, and perl.
 * Elsewhere they are skipped, unless VPNLINT_REQUIRE_KERNEL_ORACLE=1 (set in CI) turns the skip into a failure,
 * so that a CI image that lost a package cannot make the suite pass by skipping.
 */
public final class KernelAccess {

    private static String unavailableReason;
    private static boolean checked;

    private KernelAccess() {}

    /** Call from {@code @BeforeAll}: aborts (skips) the test class, or fails it in CI, if the kernel is out of reach. */
    public static void assumeAvailable() {
        String reason = unavailableReason();
        if (reason == null) {
            return;
        }
        if ("1".equals(System.getenv("VPNLINT_REQUIRE_KERNEL_ORACLE"))) {
            fail("kernel oracle required but unavailable: " + reason);
        }
        abort("kernel oracle unavailable: " + reason);
    }

    private static synchronized String unavailableReason() {
        if (!checked) {
            unavailableReason = probe();
            checked = true;
        }
        return unavailableReason;
    }

    private static String probe() {
        if (!isRoot()) {
            return "not running as root";
        }
        CommandRunner runner = new CommandRunner();
        for (String[] tool : new String[][] {{"nft", "--version"}, {"perl", "-e", "use Socket; use Errno;"}}) {
            if (!startsAndSucceeds(runner, tool)) {
                return tool[0] + " is not usable";
            }
        }
        // Creating a namespace is the real test (containers may be root without CAP_SYS_ADMIN). The name follows
        // the harness pattern, so a crash between add and del leaves something the stale sweep removes.
        String name = "vl" + ProcessHandle.current().pid() + "_0lan";
        if (!startsAndSucceeds(runner, new String[] {"ip", "netns", "add", name})) {
            return "cannot create a network namespace with ip netns";
        }
        runner.run("ip", "netns", "del", name);
        return null;
    }

    private static boolean startsAndSucceeds(CommandRunner runner, String[] command) {
        try {
            return runner.run(command).succeeded();
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
