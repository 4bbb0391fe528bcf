package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tests that run real outside programs (pre-commit, the SARIF Multitool) skip with a message naming the missing
 * program on a developer's machine, but fail in CI ({@code CI=true}) or with {@code VPNLINT_REQUIRE_KERNEL_ORACLE=1}:
 * .ci/run installs every one of them, so a skip there would hide a lost install step.
 */
final class RequiredTools {

    private RequiredTools() {}

    static void assumeOnPath(String... programs) {
        for (String program : programs) {
            if (onPath(program).isEmpty()) unavailable(program + " is not on PATH");
        }
    }

    /** Skips the test here, or fails it where every tool must be present. */
    static void unavailable(String reason) {
        if ("1".equals(System.getenv("VPNLINT_REQUIRE_KERNEL_ORACLE")) || "true".equals(System.getenv("CI"))) {
            fail("required by CI but unavailable (.ci/run installs it): " + reason);
        }
        abort("skipped: " + reason + " (.ci/run installs it)");
    }

    static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }
}
