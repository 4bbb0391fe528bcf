package org.vpnlint.checks;

import java.util.function.Supplier;
import org.vpnlint.solver.Solver;

/**
 * What a rule may use besides the routers. The solver is created on first use, so a run whose rules never ask
 * for it never loads Z3's native library.
 */
public final class RuleContext {
    private final Supplier<Solver> solverFactory;
    private Solver solver;

    public RuleContext(Supplier<Solver> solverFactory) {
        this.solverFactory = solverFactory;
    }

    public synchronized Solver solver() {
        if (solver == null) solver = solverFactory.get();
        return solver;
    }

    /** Whether any rule has used the solver in this run (for benchmarks and the start-up budget). */
    public synchronized boolean solverLoaded() {
        return solver != null;
    }
}
