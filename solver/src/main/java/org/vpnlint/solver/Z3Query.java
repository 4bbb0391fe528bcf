package org.vpnlint.solver;

import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Status;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One question to Z3: its own Z3 solver (assertions, scopes) in the context its {@link Z3Solver} shares.
 *
 * <p>Preferences are tried one by one, in order, on top of the goal (incremental push/pop): each is kept when it can
 * hold together with the goal and the preferences kept before it. That is a lexicographic optimum, so an earlier
 * preference always weighs more than all later ones together. It is deterministic, needs only the plain solver, and
 * costs one incremental check per preference (no MaxSMT weights to tune). All checks of one {@link #check} share the
 * query's timeout; when it runs out during the preferences, the witness found so far is returned.
 */
final class Z3Query implements SymbolicQuery<BoolExpr, BitVecExpr> {

    private final Context context;
    private final Z3Arena arena;
    private final String purpose;
    private final Duration timeout;
    private final com.microsoft.z3.Solver solver;
    private final Z3Algebra algebra;
    private final List<BoolExpr> preferences = new ArrayList<>();
    private final Consumer<Z3Query> onClose;
    private boolean closed;

    Z3Query(Context context, Z3Arena arena, String purpose, Duration timeout, Consumer<Z3Query> onClose) {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive: " + timeout);
        this.context = context;
        this.arena = arena;
        this.purpose = purpose;
        this.timeout = timeout;
        this.onClose = onClose;
        this.solver = arena.keep(context.mkSolver());
        this.algebra = new Z3Algebra(context, arena);
    }

    @Override
    public SymbolicAlgebra<BoolExpr, BitVecExpr> algebra() {
        return algebra;
    }

    @Override
    public void require(BoolExpr fact) {
        assertFact(fact);
    }

    // an array of the concrete type avoids javac's unchecked warning for Z3's generic varargs
    private void assertFact(BoolExpr fact) {
        solver.add(new BoolExpr[] {fact});
    }

    @Override
    public void prefer(BoolExpr wish) {
        preferences.add(wish);
    }

    @Override
    public QueryResult check(BoolExpr goal) {
        return check(goal, List.of());
    }

    @Override
    public QueryResult check(BoolExpr goal, List<BoolExpr> wishes) {
        List<BoolExpr> ordered = new ArrayList<>(preferences);
        ordered.addAll(wishes);
        long deadline = System.nanoTime() + timeout.toNanos();
        int baseScopes = solver.getNumScopes();
        try {
            solver.push();
            assertFact(goal);
            Status status = check(deadline);
            if (status == Status.UNSATISFIABLE) return new QueryResult.Proved();
            if (status != Status.SATISFIABLE) return unknown(deadline);
            Model best = arena.keep(solver.getModel());
            for (BoolExpr wish : ordered) {
                if (remainingMillis(deadline) <= 0) break;
                solver.push();
                assertFact(wish);
                Status withWish = check(deadline);
                if (withWish == Status.SATISFIABLE) {
                    best = arena.keep(solver.getModel());
                } else {
                    solver.pop();
                    if (withWish == Status.UNKNOWN) break;   // out of time: keep the witness found so far
                }
            }
            return new QueryResult.Witness(values(best));
        } finally {
            solver.pop(solver.getNumScopes() - baseScopes);
        }
    }

    private Status check(long deadline) {
        long remaining = remainingMillis(deadline);
        if (remaining <= 0) return Status.UNKNOWN;
        Params params = arena.keep(context.mkParams());
        params.add("timeout", (int) Math.min(Integer.MAX_VALUE, remaining));
        solver.setParameters(params);
        return solver.check();
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    private QueryResult.Unknown unknown(long deadline) {
        String reason = solver.getReasonUnknown();
        // when the time is up Z3 may say "timeout", "canceled" or just "unknown", depending on where it stopped
        boolean outOfTime = reason == null || reason.contains("timeout") || reason.contains("canceled")
                || remainingMillis(deadline) == 0;
        String why = outOfTime ? "timeout after " + timeout.toMillis() + " ms" : reason;
        return new QueryResult.Unknown(why + " (" + purpose + ")");
    }

    private Map<String, BigInteger> values(Model model) {
        Map<String, BigInteger> values = new LinkedHashMap<>();
        algebra.variables().forEach((name, variable) -> {
            Expr<?> value = arena.keep(model.eval(variable, true));
            if (value instanceof BitVecNum number) values.put(name, number.getBigInteger());
            else values.put(name, value.isTrue() ? BigInteger.ONE : BigInteger.ZERO);
        });
        return values;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        solver.reset();   // releases the assertions; the terms go with the shared context
        onClose.accept(this);
    }
}
