package org.vpnlint.checks;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;

/**
 * A rule's view of a shared solver that keeps the rule within its time budget: no query opens after the budget's
 * deadline ({@link RuleBudgetExceeded}), and a query's own timeout is cut to what is left of it. Closing the view
 * leaves the solver open: it belongs to the {@link RuleContext}.
 */
final class BudgetedSolver implements Solver {
    private final Solver solver;
    private final LongSupplier deadlineNanos;
    private final Duration budget;

    BudgetedSolver(Solver solver, LongSupplier deadlineNanos, Duration budget) {
        this.solver = solver;
        this.deadlineNanos = deadlineNanos;
        this.budget = budget;
    }

    @Override
    public SymbolicQuery<?, ?> newQuery(String purpose, Duration timeout) {
        long left = deadlineNanos.getAsLong() - System.nanoTime();
        if (left <= 0) throw new RuleBudgetExceeded(budget);
        Duration cut = timeout.toNanos() > left ? Duration.ofNanos(left) : timeout;
        return solver.newQuery(purpose, cut.isZero() ? Duration.ofMillis(1) : cut);
    }

    @Override
    public void close() {
        // the context closes the solver itself
    }
}
