package org.vpnlint.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run --diff-only}: {@code vpnlint diff} as a user runs it (fresh processes), against {@code vpnlint
 * check} of one of the files compared, so that the ratio means something on a loaded machine.
 *
 * <ol>
 *   <li>The seed pair ({@code samples/diff/exclude-removed}): median of several runs each; the goal is at most 1.5×
 *       the time of {@code check} on one of its files.</li>
 *   <li>One-rule changes of the 1,000-tunnel / 5,000-NAT / 500-filter benchmark router ({@link SyntheticRouter}): an
 *       exclude (source NAT) rule removed, and one firewall rule's action changed; wall-clock and CPU time (user +
 *       system, all threads) of one run each, and {@code check} of the old file. The goal is under 10 s.</li>
 * </ol>
 */
final class DiffBenchmark {
    private static final PrintStream OUT = System.out;

    private DiffBenchmark() {}

    static void run(Path repository, int runs) throws IOException, InterruptedException {
        seedPair(repository, runs);
        OUT.println();
        largeRouter(repository);
    }

    private static void seedPair(Path repository, int runs) throws IOException, InterruptedException {
        String before = "samples/diff/exclude-removed/before.boot";
        String after = "samples/diff/exclude-removed/after.boot";
        String vpnlint = repository.resolve("vpnlint").toString();
        ProcessTiming check = ProcessTiming.measure(List.of(vpnlint, "check", "--fail-on", "never", after), runs);
        ProcessTiming diff = ProcessTiming.measure(List.of(vpnlint, "diff", "--fail-on", "never", before, after), runs);
        OUT.println("Diff, seed pair, whole process (" + runs + " runs each after warm-up; ms)");
        OUT.printf(Locale.ROOT, "%-62s %8s %8s %8s%n", "command", "min", "median", "ratio");
        row("vpnlint check " + after, check, check);
        row("vpnlint diff before.boot after.boot", diff, check);
        OUT.println("ratio = median / check's median; the goal is at most 1.5.");
    }

    private static void largeRouter(Path repository) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("vpnlint-bench-diff");
        String text = SyntheticRouter.write(1000, 5000, 500);
        Path old = work.resolve("bench-1000-5000-500.set");
        Files.writeString(old, text);
        String excludeRemoved = text.lines()
                .filter(line -> !line.startsWith("set nat source rule 1 "))
                .reduce(new StringBuilder(), (out, line) -> out.append(line).append('\n'), StringBuilder::append)
                .toString();
        String firewallRule = "set firewall ipv4 forward filter rule 7 action 'accept'";
        if (!text.contains(firewallRule)) throw new IllegalStateException("the generator changed: " + firewallRule);
        String ruleChanged = text.replace(firewallRule, "set firewall ipv4 forward filter rule 7 action 'drop'");
        Path withoutExclude = work.resolve("exclude-removed").resolve(old.getFileName());
        Path withChangedRule = work.resolve("firewall-rule-changed").resolve(old.getFileName());
        Files.createDirectories(withoutExclude.getParent());
        Files.createDirectories(withChangedRule.getParent());
        Files.writeString(withoutExclude, excludeRemoved);
        Files.writeString(withChangedRule, ruleChanged);

        String vpnlint = repository.resolve("vpnlint").toString();
        ProcessTiming.run(List.of(vpnlint, "--version")); // the launcher's caches, outside the measurement
        Cpu check = Cpu.of(List.of(vpnlint, "check", "--fail-on", "never", old.toString()));
        Cpu exclude = Cpu.of(List.of(vpnlint, "diff", "--fail-on", "never", old.toString(), withoutExclude.toString()));
        Cpu firewall =
                Cpu.of(List.of(vpnlint, "diff", "--fail-on", "never", old.toString(), withChangedRule.toString()));
        OUT.println(
                "Diff, 1,000 tunnels / 5,000 NAT / 500 filter rules, one rule changed, whole process (one run each)");
        OUT.printf(Locale.ROOT, "%-50s %10s %10s %8s%n", "command", "wall ms", "CPU ms", "ratio");
        cpuRow("vpnlint check (the old file)", check, check);
        cpuRow("vpnlint diff: nat source rule 1 (exclude) removed", exclude, check);
        cpuRow("vpnlint diff: filter rule 7 accept -> drop", firewall, check);
        OUT.println("ratio = wall / check's wall; the goal is under 10,000 ms wall on this machine.");
    }

    private static void row(String name, ProcessTiming timing, ProcessTiming base) {
        OUT.printf(
                Locale.ROOT,
                "%-62s %8.0f %8.0f %8.2f%n",
                name,
                timing.minMillis(),
                timing.medianMillis(),
                timing.medianMillis() / base.medianMillis());
    }

    private static void cpuRow(String name, Cpu measured, Cpu base) {
        OUT.printf(
                Locale.ROOT,
                "%-50s %10.0f %10s %8.2f%n",
                name,
                measured.wallMillis(),
                measured.cpuMillis() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", measured.cpuMillis()),
                measured.wallMillis() / base.wallMillis());
    }

    /**
     * One run's wall-clock time, and its CPU time (user + system of the process and its children, from GNU time;
     * -1 where /usr/bin/time is not installed). On a loaded machine the CPU time says what the run itself cost.
     */
    private record Cpu(double wallMillis, double cpuMillis) {

        static Cpu of(List<String> command) throws IOException, InterruptedException {
            File gnuTime = new File("/usr/bin/time");
            File times = File.createTempFile("vpnlint-bench-cpu", ".txt");
            List<String> timed = new ArrayList<>();
            if (gnuTime.canExecute()) timed.addAll(List.of(gnuTime.getPath(), "-f", "%U %S", "-o", times.getPath()));
            timed.addAll(command);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(timed)
                    .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e6;
            if (exit > 1) throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            double cpu = -1;
            if (gnuTime.canExecute()) {
                String last = Files.readString(times.toPath())
                        .strip()
                        .lines()
                        .reduce((a, b) -> b)
                        .orElse("");
                String[] parts = last.split(" ");
                cpu = 1000 * (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]));
            }
            times.delete();
            return new Cpu(wall, cpu);
        }
    }
}
