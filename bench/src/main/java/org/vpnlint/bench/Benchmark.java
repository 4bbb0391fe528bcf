package org.vpnlint.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.report.html.HtmlReport;

/**
 * {@code bench/run}: prints four tables ({@code --diff-only}: only {@link DiffBenchmark}'s two).
 *
 * <ol>
 *   <li>Start-up, whole process: {@code ./vpnlint check} on a seed sample against the floor the issue sets, a JVM
 *       that only creates a Z3 context and checks one formula (native library already unpacked, AppCDS on).
 *       Both are measured in the same run, so the ratio is meaningful on any machine.</li>
 *   <li>Scaling, in one warm JVM: synthetic routers with N tunnels, M NAT rules and K firewall rules, end to end
 *       (read, map, prove, replay), so the growth with N and M shows; then the largest once more as a user runs
 *       it, a fresh {@code ./vpnlint check} process.</li>
 *   <li>firewall-big from vyos-1x as a user runs it, heap capped at 1 GB, with peak RSS and determinism checks.</li>
 *   <li>Firewall scaling: synthetic firewalls, time and heap peak as rules and group sizes grow.</li>
 * </ol>
 * Benchmarks are not tests: nothing here asserts a time.
 */
public final class Benchmark {
    private static final PrintStream OUT = System.out;

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path repository = Path.of("").toAbsolutePath();
        int runs = quick ? 5 : 15;
        if (Arrays.asList(args).contains("--diff-only")) {
            DiffBenchmark.run(repository, runs);
            return;
        }
        if (!Arrays.asList(args).contains("--firewall-only")) {
            startUp(repository, runs);
            OUT.println();
            scaling(quick, repository);
            OUT.println();
        }
        firewallBig(repository);
        OUT.println();
        firewallScaling(quick, repository);
    }

    /**
     * vyos-1x's {@code firewall-big} (bench/configs/README.md says where it comes from) as a user runs it: a fresh
     * {@code ./vpnlint check} process with the heap capped at 1 GB, twice (the JSON must be byte-identical), and
     * once uncapped (the findings must be the same).
     */
    private static void firewallBig(Path repository) throws IOException, InterruptedException {
        Path config = repository.resolve("bench/configs/firewall-big.boot");
        OUT.println("firewall-big (VyOS 1.2.6, 43,440 lines, 3,030 rules), whole process");
        if (!Files.isRegularFile(config)) {
            OUT.println("skipped: " + repository.relativize(config) + " is missing (see bench/configs/README.md)");
            return;
        }
        Path work = Files.createTempDirectory("vpnlint-bench-firewall-big");
        List<String> base = List.of(
                repository.resolve("vpnlint").toString(),
                "check",
                "--fail-on",
                "never",
                "--format",
                "json",
                config.toString(),
                "-o");
        ProcessTiming.run(withArgument(base, work.resolve("warm-up.json"))); // builds the launcher's caches
        ProcessTiming.Measured capped =
                ProcessTiming.runMeasured(withArgument(base, work.resolve("capped.json")), "-Xmx1g");
        ProcessTiming.Measured again =
                ProcessTiming.runMeasured(withArgument(base, work.resolve("again.json")), "-Xmx1g");
        ProcessTiming.Measured uncapped =
                ProcessTiming.runMeasured(withArgument(base, work.resolve("uncapped.json")), null);
        OUT.printf(Locale.ROOT, "%-34s %10s %14s%n", "run", "ms", "peak RSS (MB)");
        OUT.printf(Locale.ROOT, "%-34s %10.0f %14s%n", "-Xmx1g", capped.millis(), capped.peakText());
        OUT.printf(Locale.ROOT, "%-34s %10.0f %14s%n", "-Xmx1g, again", again.millis(), again.peakText());
        OUT.printf(Locale.ROOT, "%-34s %10.0f %14s%n", "uncapped", uncapped.millis(), uncapped.peakText());
        byte[] first = Files.readAllBytes(work.resolve("capped.json"));
        OUT.println("JSON byte-identical across the two capped runs: "
                + Arrays.equals(first, Files.readAllBytes(work.resolve("again.json"))));
        OUT.println("JSON identical capped and uncapped: "
                + Arrays.equals(first, Files.readAllBytes(work.resolve("uncapped.json"))));
        OUT.println("goal: under 5,000 ms with -Xmx1g.");
    }

    private static List<String> withArgument(List<String> command, Path argument) {
        List<String> with = new ArrayList<>(command);
        with.add(argument.toString());
        return with;
    }

    /**
     * Synthetic firewalls (see {@link SyntheticFirewall}) in one warm JVM: time and the heap's peak as rules and
     * group sizes grow, then the largest (10,000 rules in 50 chains, groups of 1,000 addresses and 500 prefixes)
     * as a fresh process.
     */
    private static void firewallScaling(boolean quick, Path repository) throws IOException, InterruptedException {
        int[][] sizes = quick
                ? new int[][] {{1000, 10, 100, 50}, {10_000, 50, 1000, 500}}
                : new int[][] {
                    {1000, 10, 100, 50},
                    {2500, 25, 100, 50},
                    {5000, 50, 100, 50},
                    {10_000, 50, 100, 50},
                    {10_000, 50, 250, 125},
                    {10_000, 50, 500, 250},
                    {10_000, 50, 1000, 500}
                };
        Analysis analysis = Analysis.withAllRules();
        Path work = Files.createTempDirectory("vpnlint-bench-firewall");
        OUT.println("Firewall scaling, one warm JVM, end to end (cpu: this thread's CPU time, steadier than ms on a"
                + " busy machine)");
        OUT.printf(
                Locale.ROOT,
                "%8s %7s %7s %7s %9s %9s %9s %9s %12s%n",
                "rules",
                "chains",
                "group",
                "netgrp",
                "lines",
                "findings",
                "ms",
                "cpu ms",
                "heap peak MB");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path largest = null;
        for (int[] size : sizes) {
            String text = SyntheticFirewall.write(size[0], size[1], size[2], size[3]);
            Path file = work.resolve("firewall-" + size[0] + "-" + size[2] + "-" + size[3] + ".set");
            Files.writeString(file, text);
            largest = file;
            HeapPeak.reset();
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            AnalysisResult result = analysis.run(AnalysisRequest.of(work, List.of(file)));
            double millis = (System.nanoTime() - start) / 1e6;
            double cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
            OUT.printf(
                    Locale.ROOT,
                    "%8d %7d %7d %7d %9d %9d %9.0f %9.0f %12d%n",
                    size[0],
                    size[1],
                    size[2],
                    size[3],
                    text.lines().count(),
                    result.findings().size(),
                    millis,
                    cpuMillis,
                    HeapPeak.megabytes());
        }
        ProcessTiming.Measured fresh = ProcessTiming.runMeasured(
                List.of(repository.resolve("vpnlint").toString(), "check", "--fail-on", "never", largest.toString()),
                "-Xmx1g");
        OUT.printf(
                Locale.ROOT,
                "whole process, ./vpnlint check of the largest, -Xmx1g: %.0f ms, peak RSS %s MB%n",
                fresh.millis(),
                fresh.peakText());
        OUT.println("goal: 10,000 rules in 50 chains, groups of 1,000 and 500, under 10,000 ms.");
    }

    private static void startUp(Path repository, int runs) throws IOException, InterruptedException {
        List<String> floor = Z3Floor.command(Files.createTempDirectory("vpnlint-bench"));

        String sample = "samples/seed/snat-without-exclude.boot";
        List<String> check = List.of(repository.resolve("vpnlint").toString(), "check", "--fail-on", "never", sample);
        List<String> checkClean = List.of(
                repository.resolve("vpnlint").toString(),
                "check",
                "--fail-on",
                "never",
                "samples/seed/snat-with-exclude.boot");

        ProcessTiming floorTiming = ProcessTiming.measure(floor, runs);
        ProcessTiming checkTiming = ProcessTiming.measure(check, runs);
        ProcessTiming cleanTiming = ProcessTiming.measure(checkClean, runs);

        OUT.println("Start-up, whole process (" + runs + " runs each after warm-up; ms)");
        OUT.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "command", "min", "median", "ratio");
        row("floor: JVM + Z3 context + one check (AppCDS, cached lib)", floorTiming, floorTiming);
        row("vpnlint check " + sample + " (finding)", checkTiming, floorTiming);
        row("vpnlint check samples/seed/snat-with-exclude.boot (clean)", cleanTiming, floorTiming);
        OUT.println("ratio = median / floor median; the goal is at most 2.0 and never over 1000 ms.");
    }

    private static void row(String name, ProcessTiming timing, ProcessTiming floor) {
        OUT.printf(
                Locale.ROOT,
                "%-58s %8.0f %8.0f %8.2f%n",
                name,
                timing.minMillis(),
                timing.medianMillis(),
                timing.medianMillis() / floor.medianMillis());
    }

    private static void scaling(boolean quick, Path repository) throws IOException, InterruptedException {
        int[][] sizes = quick
                ? new int[][] {{10, 50, 20}, {100, 500, 100}, {1000, 5000, 500}}
                : new int[][] {
                    {10, 50, 20},
                    {100, 50, 20},
                    {1000, 50, 20},
                    {10, 500, 20},
                    {10, 5000, 20},
                    {100, 500, 100},
                    {1000, 1000, 200},
                    {1000, 5000, 500}
                };
        Analysis analysis = Analysis.withAllRules();
        Path work = Files.createTempDirectory("vpnlint-bench-scaling");
        // One warm-up run so that class loading and Z3 start-up are not charged to the first size.
        analyse(analysis, work, 10, 10, 10);

        OUT.println("Scaling, one warm JVM, end to end (read, map, prove, replay)");
        OUT.printf(Locale.ROOT, "%8s %8s %8s %10s %10s %10s%n", "tunnels", "nat", "filter", "lines", "findings", "ms");
        Run run = null;
        double millis = 0;
        for (int[] size : sizes) {
            long start = System.nanoTime();
            run = analyse(analysis, work, size[0], size[1], size[2]);
            millis = (System.nanoTime() - start) / 1e6;
            OUT.printf(
                    Locale.ROOT,
                    "%8d %8d %8d %10d %10d %10.0f%n",
                    size[0],
                    size[1],
                    size[2],
                    run.lines(),
                    run.result().findings().size(),
                    millis);
        }
        OUT.println("goal: 1,000 tunnels with 5,000 NAT rules in under 10,000 ms.");

        // The audit page of the largest router, from the same result: layout, tunnel inventory and rendering.
        Path page = work.resolve("audit.html");
        long pageStart = System.nanoTime();
        try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
            new HtmlReport("bench", work, work).write(run.result(), out);
        }
        double pageMillis = (System.nanoTime() - pageStart) / 1e6;
        OUT.printf(
                Locale.ROOT,
                "HTML audit page of the largest router: %.0f ms, %.0f%% of its check (%d bytes);"
                        + " the goal is at most 20%%.%n",
                pageMillis,
                100 * pageMillis / millis,
                Files.size(page));

        // The same largest router as a user runs it: a fresh process through the launcher (C1 only, cold JVM).
        int[] largest = sizes[sizes.length - 1];
        Path file = work.resolve("bench-" + largest[0] + "-" + largest[1] + "-" + largest[2] + ".set");
        List<String> check =
                List.of(repository.resolve("vpnlint").toString(), "check", "--fail-on", "never", file.toString());
        long start = System.nanoTime();
        ProcessTiming.run(check);
        OUT.printf(
                Locale.ROOT,
                "whole process, ./vpnlint check of the %d/%d/%d router: %.0f ms%n",
                largest[0],
                largest[1],
                largest[2],
                (System.nanoTime() - start) / 1e6);
        List<String> checkHtml = List.of(
                repository.resolve("vpnlint").toString(),
                "check",
                "--fail-on",
                "never",
                "--format",
                "html",
                "-o",
                work.resolve("audit-process.html").toString(),
                file.toString());
        start = System.nanoTime();
        ProcessTiming.run(checkHtml);
        OUT.printf(
                Locale.ROOT,
                "whole process, the same with --format html -o audit.html: %.0f ms%n",
                (System.nanoTime() - start) / 1e6);
    }

    private record Run(long lines, AnalysisResult result) {}

    private static Run analyse(Analysis analysis, Path work, int tunnels, int natRules, int firewallRules)
            throws IOException {
        String text = SyntheticRouter.write(tunnels, natRules, firewallRules);
        Path file = work.resolve("bench-" + tunnels + "-" + natRules + "-" + firewallRules + ".set");
        Files.writeString(file, text);
        AnalysisResult result = analysis.run(AnalysisRequest.of(work, List.of(file)));
        return new Run(text.lines().count(), result);
    }
}
