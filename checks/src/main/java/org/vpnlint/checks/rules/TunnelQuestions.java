package org.vpnlint.checks.rules;

import java.util.ArrayList;
import java.util.List;
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
 * benchmark's router of 1,000 tunnels (seconds for the two rules that use this, one run each): 1 per pipeline 11.5, 4 per
 * pipeline 9.6, 16 per pipeline 15.4, 48 per pipeline 36.3.
 */
final class TunnelQuestions {

    static final int TUNNELS_PER_PIPELINE = 4;

    /** One tunnel's question, asked of a pipeline whose router holds that tunnel (find it by its ref). */
    interface Question {
        void ask(CompiledTunnel tunnel, DatapathQuestion pipeline);
    }

    private TunnelQuestions() {
    }

    /** Asks {@code question} about each policy-based tunnel of the router in this family, in configuration order. */
    static void forEachTunnel(Router router, AddressFamily family, RuleContext context, String purpose, Question question) {
        CompiledRouter compiled = context.compiled(router, family);
        Solver solver = context.solver();
        List<CompiledTunnel> asked = compiled.tunnels().stream().filter(CompiledTunnel::hasPolicies).toList();
        if (asked.isEmpty()) return;
        TunnelTrafficSlice slices = TunnelTrafficSlice.of(router, compiled);
        for (int from = 0; from < asked.size(); from += TUNNELS_PER_PIPELINE) {
            List<CompiledTunnel> group = new ArrayList<>(asked.subList(from, Math.min(asked.size(), from + TUNNELS_PER_PIPELINE)));
            CompiledRouter sliced = CompiledRouter.compile(slices.forTunnels(group), family);
            try (DatapathQuestion pipeline = DatapathQuestion.open(solver, sliced, purpose)) {
                for (CompiledTunnel tunnel : group) question.ask(tunnel, pipeline);
            }
        }
    }
}
