package org.vpnlint.cli.report.html;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run once per action on a page on disk, with a fresh profile and everything that
 * would reach the network turned off (background services, QUIC, and any host name resolved to nothing). What
 * the page logs to its console is read from Chromium's log on standard error ({@code INFO:CONSOLE} lines).
 * Absent Chromium skips the test, unless CI=true or VPNLINT_REQUIRE_KERNEL_ORACLE=1 demands it (CI installs it).
 */
final class HeadlessChromium {
    private static final long TIMEOUT_SECONDS = 180;

    private final Path binary;
    private final Path work;

    /** What one run gave: standard output (the DOM for --dump-dom) and the console lines of the page. */
    record Run(String out, List<String> console) {}

    private HeadlessChromium(Path binary, Path work) {
        this.binary = binary;
        this.work = work;
    }

    /** Chromium from the PATH, or the test is skipped (failed in CI) with the reason. */
    static HeadlessChromium require(Path work) {
        Path found = null;
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "chromium");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null) {
            String reason = "chromium is not installed (apt-get install chromium); the browser test of the audit page"
                    + " cannot run";
            if ("true".equals(System.getenv("CI")) || "1".equals(System.getenv("VPNLINT_REQUIRE_KERNEL_ORACLE"))) {
                fail(reason);
            }
            abort(reason);
        }
        return new HeadlessChromium(found, work);
    }

    Run dumpDom(Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    Run screenshot(Path page, Path png) throws IOException, InterruptedException {
        return run(page, "--screenshot=" + png, "--window-size=1400,2000", "--hide-scrollbars");
    }

    Run printToPdf(Path page, Path pdf) throws IOException, InterruptedException {
        return run(page, "--print-to-pdf=" + pdf, "--no-pdf-header-footer");
    }

    private Run run(Path page, String... action) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile-");
        Path stderr = work.resolve(profile.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        String out;
        try {
            out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
                fail("chromium did not finish in " + TIMEOUT_SECONDS + " s");
        } finally {
            process.destroyForcibly();
            deleteTree(profile);
        }
        List<String> console = Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(":CONSOLE"))
                .toList();
        if (process.exitValue() != 0) fail("chromium exited with " + process.exitValue() + "; see " + stderr);
        return new Run(out, console);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(file);
        }
    }
}
