package org.vpnlint.bench;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start-up floor the issue measures vpnlint against: a JVM that only creates a Z3 context and checks one
 * formula, with the native library already unpacked (our cached loader in module solver does that).
 */
public final class Z3Floor {

    private Z3Floor() {}

    /**
     * The command that runs the floor with the launcher's JVM options and a class-data archive of its own in
     * {@code work} (created here by one run, as the launcher does for vpnlint), so that a ratio against it measures
     * vpnlint's work, not a JVM setting.
     */
    static List<String> command(Path work) throws IOException, InterruptedException {
        Path archive = work.resolve("floor.jsa");
        List<String> base = List.of(
                "java",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off",
                "-cp",
                System.getProperty("java.class.path"),
                Z3Floor.class.getName());
        ProcessTiming.run(withOption(base, "-XX:ArchiveClassesAtExit=" + archive));
        return withOption(base, "-XX:SharedArchiveFile=" + archive);
    }

    private static List<String> withOption(List<String> command, String option) {
        List<String> with = new ArrayList<>(command);
        with.add(1, option);
        return with;
    }

    public static void main(String[] args) {
        try (Context context = new Context()) {
            Solver solver = context.mkSolver();
            BitVecExpr address = context.mkBVConst("address", 32);
            solver.add(context.mkBVULE(context.mkBV(0x0A000000L, 32), address));
            solver.add(context.mkBVULE(address, context.mkBV(0x0AFFFFFFL, 32)));
            Status status = solver.check();
            if (status != Status.SATISFIABLE) throw new IllegalStateException("Z3 answered " + status);
        }
    }
}
