package org.vpnlint.bench;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Wall-clock times of repeated runs of one command, each a fresh process. */
record ProcessTiming(long[] nanos) {

    static ProcessTiming measure(List<String> command, int runs) throws IOException, InterruptedException {
        run(command); // warm-up: builds caches (class-data archive, Z3 library) the way a user's first run does
        run(command);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run(command);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new ProcessTiming(nanos);
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        int exit = process.waitFor();
        if (exit > 1) throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }

    /** One run's wall-clock time and peak resident memory (in kB; -1 when /usr/bin/time is not there to tell). */
    record Measured(double millis, long peakKilobytes) {
        String peakText() {
            return peakKilobytes < 0 ? "n/a" : String.valueOf(peakKilobytes / 1024);
        }
    }

    /**
     * Runs the command once, with {@code javaOption} (e.g. -Xmx1g) given to its JVM through JAVA_TOOL_OPTIONS when
     * not null, and measures the whole process with GNU time's maximum resident set size where it is installed.
     */
    static Measured runMeasured(List<String> command, String javaOption) throws IOException, InterruptedException {
        File gnuTime = new File("/usr/bin/time");
        File peakFile = File.createTempFile("vpnlint-bench-peak", ".txt");
        List<String> timed = new java.util.ArrayList<>();
        if (gnuTime.canExecute()) timed.addAll(List.of(gnuTime.getPath(), "-f", "%M", "-o", peakFile.getPath()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")));
        if (javaOption != null) builder.environment().put("JAVA_TOOL_OPTIONS", javaOption);
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double millis = (System.nanoTime() - start) / 1e6;
        if (exit > 1) throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        long peak = -1;
        if (gnuTime.canExecute()) {
            String text = java.nio.file.Files.readString(peakFile.toPath()).strip();
            peak = Long.parseLong(text.lines().reduce((a, b) -> b).orElse("-1"));
        }
        peakFile.delete();
        return new Measured(millis, peak);
    }

    double minMillis() {
        return nanos[0] / 1e6;
    }

    double medianMillis() {
        return nanos[nanos.length / 2] / 1e6;
    }
}
