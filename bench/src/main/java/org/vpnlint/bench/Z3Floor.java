package org.vpnlint.bench;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;

/**
 * The start-up floor the issue measures vpnlint against: a JVM that only creates a Z3 context and checks one
 * formula, with the native library already unpacked (our cached loader in module solver does that).
 */
public final class Z3Floor {

    private Z3Floor() {}

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
