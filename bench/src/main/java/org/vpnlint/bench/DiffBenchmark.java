package org.vpnlint.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run --diff-only}: {@code vpnlint diff} as a user runs it (fresh processes), against {@code vpnlint
 * check} of one of the files compared and against the floor (a JVM that only creates a Z3 context, {@link Z3Floor}),
 * all in the same run, so that the ratios mean something on a loaded machine. Wall-clock and CPU time (user + system
 * of the process and its threads): on a machine other work shares, the CPU time says what the run itself cost.
 *
 * <ol>
 *   <li>The seed pair ({@code samples/diff/exclude-removed}): medians of several runs each; the goal is at most 1.5×
 *       the time of {@code check} on one of its files.</li>
 *   <li>One-rule changes of the 1,000-tunnel / 5,000-NAT / 500-filter benchmark router ({@link SyntheticRouter}): an
 *       exclude (source NAT) rule removed, and one firewall rule's action changed; one run each, and {@code check} of
 *       the old file. The goal is under 10 s.</li>
 * </ol>
 */
final class DiffBenchmark {
    private static final PrintStream OUT = System.out;
    private static final double SEED_GOAL_RATIO = 1.5;
    private static final double LARGE_GOAL_MILLIS = 10_000;
    private static final String HEADER = "%-52s %9s %9s %10s %10s %10s %10s%n";
    private static final String ROW = "%-52s %9.0f %9s %10.2f %10s %10.2f %10s%n";

    private DiffBenchmark() {}

    static void run(Path repository, int runs) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("vpnlint-bench-diff");
        Cpu floor = Cpu.median(Z3Floor.command(work), runs);
        seedPair(repository, runs, floor);
        OUT.println();
        largeRouter(repository, work, floor);
    }

    private static void seedPair(Path repository, int runs, Cpu floor) throws IOException, InterruptedException {
        String before = "samples/diff/exclude-removed/before.boot";
        String after = "samples/diff/exclude-removed/after.boot";
        String vpnlint = repository.resolve("vpnlint").toString();
        Cpu check = Cpu.median(List.of(vpnlint, "check", "--fail-on", "never", after), runs);
        Cpu diff = Cpu.median(List.of(vpnlint, "diff", "--fail-on", "never", before, after), runs);
        OUT.println("Diff, seed pair, whole process (" + runs + " runs each after warm-up; medians, ms)");
        header();
        row("floor: JVM + Z3 context + one check (AppCDS, cached lib)", floor, check, floor);
        row("vpnlint check " + after, check, check, floor);
        row("vpnlint diff before.boot after.boot", diff, check, floor);
        double wallRatio = diff.wallMillis() / check.wallMillis();
        double cpuRatio = diff.cpuMillis() / check.cpuMillis();
        boolean met = wallRatio <= SEED_GOAL_RATIO && (diff.cpuMillis() < 0 || cpuRatio <= SEED_GOAL_RATIO);
        OUT.printf(
                Locale.ROOT,
                "goal: diff at most %.1f x check: wall %.2f, CPU %s: %s%n",
                SEED_GOAL_RATIO,
                wallRatio,
                diff.cpuMillis() < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", cpuRatio),
                met ? "met" : "MISSED");
    }

    private static void largeRouter(Path repository, Path work, Cpu floor) throws IOException, InterruptedException {
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
                "Diff, 1,000 tunnels / 5,000 NAT / 500 filter rules, one rule changed, whole process (one run each; ms)");
        header();
        row("floor: JVM + Z3 context + one check (median above)", floor, check, floor);
        row("vpnlint check (the old file)", check, check, floor);
        row("vpnlint diff: nat source rule 1 (exclude) removed", exclude, check, floor);
        row("vpnlint diff: filter rule 7 accept -> drop", firewall, check, floor);
        OUT.printf(
                Locale.ROOT,
                "goal: each diff under %.0f ms wall: exclude removed %s, filter rule changed %s%n",
                LARGE_GOAL_MILLIS,
                exclude.wallMillis() < LARGE_GOAL_MILLIS ? "met" : "MISSED",
                firewall.wallMillis() < LARGE_GOAL_MILLIS ? "met" : "MISSED");
    }

    private static void header() {
        OUT.printf(Locale.ROOT, HEADER, "command", "wall", "CPU", "wall/check", "CPU/check", "wall/floor", "CPU/floor");
    }

    private static void row(String name, Cpu measured, Cpu check, Cpu floor) {
        OUT.printf(
                Locale.ROOT,
                ROW,
                name,
                measured.wallMillis(),
                cpuText(measured.cpuMillis()),
                measured.wallMillis() / check.wallMillis(),
                ratioText(measured.cpuMillis(), check.cpuMillis()),
                measured.wallMillis() / floor.wallMillis(),
                ratioText(measured.cpuMillis(), floor.cpuMillis()));
    }

    private static String cpuText(double millis) {
        return millis < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", millis);
    }

    private static String ratioText(double measured, double base) {
        return measured < 0 || base <= 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", measured / base);
    }

    /**
     * One run's wall-clock time, and its CPU time (user + system of the process and its children, from GNU time;
     * -1 where /usr/bin/time is not installed). On a loaded machine the CPU time says what the run itself cost.
     */
    private record Cpu(double wallMillis, double cpuMillis) {

        /** Medians of wall-clock and of CPU time over {@code runs} runs, after two warm-up runs (caches built). */
        static Cpu median(List<String> command, int runs) throws IOException, InterruptedException {
            of(command);
            of(command);
            double[] walls = new double[runs];
            double[] cpus = new double[runs];
            for (int i = 0; i < runs; i++) {
                Cpu one = of(command);
                walls[i] = one.wallMillis();
                cpus[i] = one.cpuMillis();
            }
            Arrays.sort(walls);
            Arrays.sort(cpus);
            return new Cpu(walls[runs / 2], cpus[runs / 2]);
        }

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
