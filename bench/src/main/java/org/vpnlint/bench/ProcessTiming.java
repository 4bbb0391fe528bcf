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

    double minMillis() {
        return nanos[0] / 1e6;
    }

    double medianMillis() {
        return nanos[nanos.length / 2] / 1e6;
    }
}
