package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Solver;

/**
 * Asks a question about every policy-based tunnel of a router, each on a pipeline of a {@link TunnelTrafficSlice}.
 *
 * <p>A few tunnels share a pipeline (the union of their slices): building and internalising a pipeline costs more
 * than a check on it, while a pipeline of many tunnels' policies makes every check slower. Measured with the
 * benchmark's router of 1,000 tunnels (seconds for the two rules that use this, one run each, quiet machine): 1 per
 * pipeline 9.5, 2 per pipeline 8.1, 4 per pipeline 7.1, 8 per pipeline 8.9; 16 and 48 were slower still.
 *
 * <p>The groups are independent, so a router with more than one group has them answered on {@link #LANES} threads,
 * each with a Z3 context of its own ({@link RuleContext#solver(int)}); group g always goes to lane g mod LANES and
 * the findings come back in configuration order, so the output does not depend on timing or on the machine.
 */
final class TunnelQuestions {

    static final int TUNNELS_PER_PIPELINE = 4;
    /** Fixed, not the number of processors: the witnesses must be the same on every machine. */
    static final int LANES = 2;

    /**
     * One tunnel's question, asked of a pipeline whose router holds that tunnel (find it by its ref); {@code slices}
     * gives the tunnel's own slice when a rule wants to know what may act on its traffic without asking the solver.
     * Called from several threads: it must only read what it is given.
     */
    interface Question {
        List<Finding> ask(CompiledTunnel tunnel, DatapathQuestion pipeline, TunnelTrafficSlice slices);
    }

    private TunnelQuestions() {}

    /** The findings of {@code question} about each policy-based tunnel of the router in this family, in configuration order. */
    static List<Finding> forEachTunnel(
            Router router, AddressFamily family, RuleContext context, String purpose, Question question) {
        CompiledRouter compiled = context.compiled(router, family);
        List<CompiledTunnel> asked =
                compiled.tunnels().stream().filter(CompiledTunnel::hasPolicies).toList();
        List<List<CompiledTunnel>> groups = new ArrayList<>();
        for (int from = 0; from < asked.size(); from += TUNNELS_PER_PIPELINE) {
            groups.add(asked.subList(from, Math.min(asked.size(), from + TUNNELS_PER_PIPELINE)));
        }
        if (groups.isEmpty()) return List.of();
        TunnelTrafficSlice slices = TunnelTrafficSlice.of(router, compiled);
        // one group, or a context whose lanes share one solver (as some tests make it): no thread of its own
        if (groups.size() == 1 || context.solver(1) == context.solver()) {
            return lane(groups, 0, 1, family, slices, context.solver(), purpose, question).stream()
                    .flatMap(List::stream)
                    .toList();
        }
        List<List<List<Finding>>> byLane = new ArrayList<>();
        ExecutorService others = Executors.newFixedThreadPool(LANES - 1, runnable -> {
            Thread thread = new Thread(runnable, "vpnlint " + purpose);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<List<Finding>>>> running = new ArrayList<>();
            for (int lane = 1; lane < LANES; lane++) {
                Solver solver = context.solver(lane);
                int own = lane;
                running.add(others.submit(() -> lane(groups, own, LANES, family, slices, solver, purpose, question)));
            }
            byLane.add(lane(groups, 0, LANES, family, slices, context.solver(), purpose, question));
            for (Future<List<List<Finding>>> lane : running) byLane.add(lane.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(purpose + ": interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) throw failure;
            throw new IllegalStateException(purpose + ": " + e.getCause(), e.getCause());
        } finally {
            // after a failure, stop the other lanes between groups and wait: no thread may still use a lane's solver
            others.shutdownNow();
            awaitLanes(others, purpose);
        }
        List<Finding> findings = new ArrayList<>();
        for (int group = 0; group < groups.size(); group++)
            findings.addAll(byLane.get(group % LANES).get(group / LANES));
        return findings;
    }

    private static void awaitLanes(ExecutorService lanes, String purpose) {
        try {
            if (!lanes.awaitTermination(1, TimeUnit.MINUTES))
                throw new IllegalStateException(purpose + ": a lane did not stop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The findings of groups {@code first}, {@code first + step}, ... in that order, one list per group. */
    private static List<List<Finding>> lane(
            List<List<CompiledTunnel>> groups,
            int first,
            int step,
            AddressFamily family,
            TunnelTrafficSlice slices,
            Solver solver,
            String purpose,
            Question question) {
        List<List<Finding>> results = new ArrayList<>();
        for (int group = first; group < groups.size(); group += step) {
            if (Thread.currentThread().isInterrupted())
                throw new CancellationException(purpose + ": another lane failed");
            CompiledRouter sliced = CompiledRouter.compile(slices.forTunnels(groups.get(group)), family);
            List<Finding> findings = new ArrayList<>();
            try (DatapathQuestion pipeline = DatapathQuestion.open(solver, sliced, purpose)) {
                for (CompiledTunnel tunnel : groups.get(group)) findings.addAll(question.ask(tunnel, pipeline, slices));
            }
            results.add(findings);
        }
        return results;
    }
}
