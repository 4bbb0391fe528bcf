package org.vpnlint.checks;

import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Solver;

/**
 * What a rule may use besides the routers: the solver, created on first use (a run whose rules never ask for it
 * never loads Z3's native library), and each router's compiled tables.
 */
public final class RuleContext {
    private final Supplier<Solver> solverFactory;
    private Solver solver;
    /** Compiled tables per router and family: most rules need them, and a large router takes long to compile. */
    private final Map<Router, Map<AddressFamily, CompiledRouter>> compiled = new IdentityHashMap<>();

    public RuleContext(Supplier<Solver> solverFactory) {
        this.solverFactory = solverFactory;
    }

    public synchronized Solver solver() {
        if (solver == null) solver = solverFactory.get();
        return solver;
    }

    /** The router's tables for this family, compiled once per run for all rules. */
    public synchronized CompiledRouter compiled(Router router, AddressFamily family) {
        return compiled.computeIfAbsent(router, r -> new EnumMap<>(AddressFamily.class))
                .computeIfAbsent(family, f -> CompiledRouter.compile(router, f));
    }

    /** Whether any rule has used the solver in this run (for benchmarks and the start-up budget). */
    public synchronized boolean solverLoaded() {
        return solver != null;
    }
}
