package org.vpnlint.checks.datapath;

import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.SaStates;

/**
 * The solver's answer to a {@link DatapathQuestion}, with the witness decoded into a packet to replay. It is not a
 * second {@link org.vpnlint.solver.QueryResult}: that one holds the raw values of whatever variables a query made
 * (a rule table's questions have no datapath packet), this one the concrete packet and SA states the pipeline's
 * variables stand for, which is what a datapath rule replays.
 */
sealed interface Answer {

    /** No packet meets the goal. */
    record Proved() implements Answer {}

    /** This packet, with these SA states, meets the goal (according to the solver: replay it to confirm). */
    record Found(ConcretePacket packet, SaStates states) implements Answer {}

    /** The solver gave up; {@code reason} says why (e.g. "timeout after 5000 ms (...)"). */
    record Undecided(String reason) implements Answer {}
}
