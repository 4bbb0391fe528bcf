package org.vpnlint.solver;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BitVecNum;
import com.microsoft.z3.BoolExpr;
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
 * <p>Preferences make a lexicographic optimum: in order, each keeps the first of its alternatives that can hold
 * together with the goal and what was kept before, so an earlier preference always weighs more than all later ones
 * together. It is deterministic and needs only the plain solver (no MaxSMT weights to tune). Checks are saved where
 * the answer is known without one, which gives the same kept preferences:
 * <ul>
 *   <li>first, the goal is checked with every preference's most wanted alternative assumed: when they can all hold,
 *       that is the optimum (the usual case: the packet the configuration suggests meets the goal), and when the
 *       goal fails without needing any of them (an empty unsat core), it is proved in that one check;</li>
 *   <li>otherwise, one by one, an alternative the current witness already satisfies is kept without a check.</li>
 * </ul>
 * All checks of one {@link #check} share the query's timeout; when it runs out during the preferences, the witness
 * found so far is returned.
 */
final class Z3Query implements SymbolicQuery<BoolExpr, BitVecExpr> {

    private final Context context;
    private final Z3Arena arena;
    private final String purpose;
    private final Duration timeout;
    private final com.microsoft.z3.Solver solver;
    private final Z3Algebra algebra;
    private final List<Preference<BoolExpr>> preferences = new ArrayList<>();
    private final Consumer<Z3Query> onClose;
    private boolean closed;

    Z3Query(Context context, Z3Arena arena, String purpose, Duration timeout, Consumer<Z3Query> onClose) {
        if (timeout.isNegative() || timeout.isZero())
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
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
        preferences.add(Preference.of(wish));
    }

    @Override
    public void prefer(Preference<BoolExpr> preference) {
        preferences.add(preference);
    }

    @Override
    public QueryResult check(BoolExpr goal) {
        return check(goal, List.of());
    }

    @Override
    public QueryResult check(BoolExpr goal, List<Preference<BoolExpr>> wishes) {
        List<Preference<BoolExpr>> ordered = new ArrayList<>(preferences);
        ordered.addAll(wishes);
        long deadline = System.nanoTime() + timeout.toNanos();
        int baseScopes = solver.getNumScopes();
        try {
            solver.push();
            assertFact(goal);
            if (!ordered.isEmpty()) {
                QueryResult settled = allMostWanted(ordered, deadline);
                if (settled != null) return settled;
            }
            Status status = check(deadline);
            if (status == Status.UNSATISFIABLE) return new QueryResult.Proved();
            if (status != Status.SATISFIABLE) return unknown(deadline);
            Model best = arena.keep(solver.getModel());
            return new QueryResult.Witness(values(oneByOne(ordered, best, deadline)));
        } finally {
            solver.pop(solver.getNumScopes() - baseScopes);
        }
    }

    /**
     * One check of the goal with every preference's most wanted alternative assumed: a witness when they can all hold
     * (the optimum), Proved when the goal fails without any of them (an empty unsat core), else null: the goal must be
     * asked alone, then the preferences one by one. Assumptions are fresh literals that imply the wishes, so nothing
     * stays asserted.
     */
    private QueryResult allMostWanted(List<Preference<BoolExpr>> ordered, long deadline) {
        BoolExpr[] assumed = new BoolExpr[ordered.size()];
        for (int i = 0; i < assumed.length; i++) {
            assumed[i] = arena.keep(context.mkBoolConst("vpnlint!wish" + i));
            assertFact(arena.keep(context.mkImplies(assumed[i], ordered.get(i).first())));
        }
        Status status = check(deadline, assumed);
        if (status == Status.SATISFIABLE) return new QueryResult.Witness(values(arena.keep(solver.getModel())));
        if (status == Status.UNSATISFIABLE && solver.getUnsatCore().length == 0) return new QueryResult.Proved();
        return null;
    }

    /** Keeps, preference by preference, the first alternative that can hold; returns the last witness. */
    private Model oneByOne(List<Preference<BoolExpr>> ordered, Model best, long deadline) {
        for (Preference<BoolExpr> preference : ordered) {
            for (BoolExpr wish : preference.alternatives()) {
                if (remainingMillis(deadline) <= 0) return best;
                solver.push();
                assertFact(wish);
                if (satisfies(best, wish)) break; // the witness already has it: kept, no check needed
                Status withWish = check(deadline);
                if (withWish == Status.SATISFIABLE) {
                    best = arena.keep(solver.getModel());
                    break;
                }
                solver.pop();
                if (withWish == Status.UNKNOWN) return best; // out of time: keep the witness found so far
            }
        }
        return best;
    }

    private boolean satisfies(Model model, BoolExpr wish) {
        return arena.keep(model.eval(wish, true)).isTrue();
    }

    private Status check(long deadline, BoolExpr... assumptions) {
        long remaining = remainingMillis(deadline);
        if (remaining <= 0) return Status.UNKNOWN;
        Params params = arena.keep(context.mkParams());
        params.add("timeout", (int) Math.min(Integer.MAX_VALUE, remaining));
        solver.setParameters(params);
        return solver.check(assumptions);
    }

    private static long remainingMillis(long deadline) {
        return Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
    }

    private QueryResult.Unknown unknown(long deadline) {
        String reason = solver.getReasonUnknown();
        // when the time is up Z3 may say "timeout", "canceled" or just "unknown", depending on where it stopped
        boolean outOfTime = reason == null
                || reason.contains("timeout")
                || reason.contains("canceled")
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
        solver.reset(); // releases the assertions; the terms go with the shared context
        onClose.accept(this);
    }
}
