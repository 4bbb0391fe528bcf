package org.vpnlint.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Solver;

/**
 * What a rule may use besides the routers: the solver, created on first use (a run whose rules never ask for it
 * never loads Z3's native library), and each router's compiled tables.
 */
public final class RuleContext implements AutoCloseable {
    private final Supplier<Solver> solverFactory;
    private Solver solver;
    /** Solvers of the second and further lanes (see {@link #solver(int)}), made when first asked for. */
    private final List<Solver> laneSolvers = new ArrayList<>();
    /** Compiled tables per router and family: most rules need them, and a large router takes long to compile. */
    private final Map<Router, Map<AddressFamily, CompiledRouter>> compiled = new IdentityHashMap<>();
    /** What several rules derive from one network, derived once per run (see {@link #onceFor}). */
    private final Map<Network, Map<Object, Object>> perNetwork = new IdentityHashMap<>();

    /** The running rule's time budget and its deadline on {@link System#nanoTime}'s clock (see {@link #startRule}). */
    private Duration budget = null;

    private volatile long deadline = Long.MAX_VALUE;
    /** The running rule's view of each solver, one per solver so that two lanes sharing one still compare equal. */
    private final Map<Solver, Solver> views = new IdentityHashMap<>();

    public RuleContext(Supplier<Solver> solverFactory) {
        this.solverFactory = solverFactory;
    }

    /**
     * A rule starts: from now on, the solvers handed out refuse queries once {@code budget} has passed
     * ({@link RuleBudgetExceeded}) and cut each query's timeout to what is left. Null means no budget.
     */
    public synchronized void startRule(Duration budget) {
        this.budget = budget;
        this.deadline = budget == null ? Long.MAX_VALUE : System.nanoTime() + budget.toNanos();
        views.clear();
    }

    public synchronized Solver solver() {
        if (solver == null) solver = solverFactory.get();
        return budgeted(solver);
    }

    private Solver budgeted(Solver shared) {
        if (budget == null) return shared;
        Duration limit = budget;
        return views.computeIfAbsent(shared, s -> new BudgetedSolver(s, () -> deadline, limit));
    }

    /**
     * The solver of a lane, for rules that ask independent questions on several threads: lane 0 is {@link #solver()},
     * each other lane has a solver (a Z3 context) of its own. Z3 contexts must not be shared between threads, and
     * a witness depends on what its context saw before, so a rule gives each lane a fixed share of its questions.
     */
    public synchronized Solver solver(int lane) {
        if (lane == 0) return solver();
        while (laneSolvers.size() < lane) laneSolvers.add(solverFactory.get());
        return budgeted(laneSolvers.get(lane - 1));
    }

    /** The router's tables for this family, compiled once per run for all rules. */
    public synchronized CompiledRouter compiled(Router router, AddressFamily family) {
        return compiled.computeIfAbsent(router, r -> new EnumMap<>(AddressFamily.class))
                .computeIfAbsent(family, f -> CompiledRouter.compile(router, f));
    }

    /**
     * What {@code derive} makes of this network, made once per run for every rule that asks with the same
     * {@code key} (e.g. the IKE rules share one analysis of the network's pairs of ends).
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T onceFor(Network network, Object key, Function<Network, T> derive) {
        return (T) perNetwork
                .computeIfAbsent(network, n -> new HashMap<>())
                .computeIfAbsent(key, k -> derive.apply(network));
    }

    /** Whether any rule has used the solver in this run (for benchmarks and the start-up budget). */
    public synchronized boolean solverLoaded() {
        return solver != null;
    }

    /** Closes every solver made for this context. */
    @Override
    public synchronized void close() {
        if (solver != null) solver.close();
        laneSolvers.forEach(Solver::close);
        solver = null;
        laneSolvers.clear();
        views.clear();
        perNetwork.clear();
    }
}
