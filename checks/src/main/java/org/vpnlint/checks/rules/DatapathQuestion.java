package org.vpnlint.checks.rules;

import java.time.Duration;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicAlgebra;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Asks the solver for a packet that meets a goal on the symbolic pipeline: every header field, the ingress and each
 * tunnel's SA state are free variables, the pipeline's outcome is built over them, and the goal constrains it.
 */
final class DatapathQuestion {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private DatapathQuestion() {
    }

    static Answer ask(Solver solver, CompiledRouter router, String purpose, PacketGoal goal, WitnessPreferences preferences) {
        try (SymbolicQuery<?, ?> query = solver.newQuery(purpose, TIMEOUT)) {
            return ask(query, router, goal, preferences);
        }
    }

    private static <B, V> Answer ask(SymbolicQuery<B, V> query, CompiledRouter router, PacketGoal goal,
                                     WitnessPreferences preferences) {
        SymbolicAlgebra<B, V> algebra = query.algebra();
        PacketInput<B, V> packet = PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        Outcome<B, V> outcome = Datapath.evaluate(algebra, router, packet);
        query.require(outcome.wellFormed());
        preferences.apply(algebra, router, packet, query::prefer);
        QueryResult result = query.check(goal.on(algebra, router, packet, outcome));
        if (result instanceof QueryResult.Witness witness) {
            return new Answer.Found(PacketInput.decodePacket(router, witness.values(), ""),
                    PacketInput.decodeStates(router, witness.values(), ""));
        }
        if (result instanceof QueryResult.Unknown unknown) return new Answer.Undecided(unknown.reason());
        return new Answer.Proved();
    }
}
