package org.vpnlint.checks.datapath;

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
 *
 * <p>An open question keeps its pipeline: the terms are built and asserted once, and each goal is checked in a scope
 * of its own (push/pop), so asking every tunnel of a router costs one pipeline, and the solver keeps what it learned.
 */
final class DatapathQuestion implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SymbolicPipeline<?, ?> pipeline;

    private DatapathQuestion(SymbolicPipeline<?, ?> pipeline) {
        this.pipeline = pipeline;
    }

    /** The router's pipeline, built once for many goals; each check has {@link #TIMEOUT}. Close it when done. */
    static DatapathQuestion open(Solver solver, CompiledRouter router, String purpose) {
        return new DatapathQuestion(SymbolicPipeline.build(solver.newQuery(purpose, TIMEOUT), router));
    }

    static Answer ask(
            Solver solver, CompiledRouter router, String purpose, PacketGoal goal, WitnessPreferences preferences) {
        try (DatapathQuestion question = open(solver, router, purpose)) {
            return question.ask(goal, preferences);
        }
    }

    Answer ask(PacketGoal goal, WitnessPreferences preferences) {
        return pipeline.ask(goal, preferences);
    }

    /** The router whose pipeline this is. */
    CompiledRouter router() {
        return pipeline.router();
    }

    @Override
    public void close() {
        pipeline.query().close();
    }

    private record SymbolicPipeline<B, V>(
            SymbolicQuery<B, V> query, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {

        static <B, V> SymbolicPipeline<B, V> build(SymbolicQuery<B, V> query, CompiledRouter router) {
            SymbolicAlgebra<B, V> algebra = query.algebra();
            PacketInput<B, V> packet =
                    PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
            Outcome<B, V> outcome = Datapath.evaluate(algebra, router, packet);
            query.require(outcome.wellFormed());
            return new SymbolicPipeline<>(query, router, packet, outcome);
        }

        Answer ask(PacketGoal goal, WitnessPreferences preferences) {
            SymbolicAlgebra<B, V> algebra = query.algebra();
            QueryResult result =
                    query.check(goal.on(algebra, router, packet, outcome), preferences.of(algebra, router, packet));
            if (result instanceof QueryResult.Witness witness) {
                return new Answer.Found(
                        PacketInput.decodePacket(router, witness.values(), ""),
                        PacketInput.decodeStates(router, witness.values(), ""));
            }
            if (result instanceof QueryResult.Unknown unknown) return new Answer.Undecided(unknown.reason());
            return new Answer.Proved();
        }
    }
}
