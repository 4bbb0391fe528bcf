package org.vpnlint.checks.datapath;

import org.vpnlint.checks.ReplayDisagreement;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;

/**
 * Replays a solver witness through the concrete datapath and checks the very goal the solver was asked, now on
 * known values. A rule reports only what this confirms; a witness that does not confirm is a bug in vpnlint.
 */
final class WitnessReplay {

    private WitnessReplay() {}

    /** The replay's trace, once the goal holds for it; otherwise {@link ReplayDisagreement}. */
    static PacketTrace confirm(CompiledRouter router, Answer.Found found, PacketGoal goal, String question) {
        PacketTrace trace = Datapath.replay(router, found.packet(), found.states());
        if (!holds(router, found, goal)) throw new ReplayDisagreement(question, trace);
        return trace;
    }

    static boolean holds(CompiledRouter router, Answer.Found found, PacketGoal goal) {
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
        PacketInput<Boolean, ConcreteBits> input = PacketInput.of(algebra, router, found.packet(), found.states());
        Outcome<Boolean, ConcreteBits> outcome = Datapath.evaluate(algebra, router, input);
        return goal.on(algebra, router, input, outcome);
    }
}
