package org.vpnlint.checks;

import org.vpnlint.datapath.PacketTrace;

/**
 * The solver's witness does not do in the concrete datapath (or in a concrete run of a table's rules) what the
 * solver said it does: a bug in vpnlint (the symbolic and the concrete interpretation disagree), never a finding.
 * The command line reports it as an internal error (exit 3). The message carries the question, the witness and,
 * where there is one, the replay's trace; traces hold addresses and rule names, never secrets.
 */
public final class ReplayDisagreement extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PacketTrace replay;

    /** The replay does not meet the goal the solver was asked. */
    public ReplayDisagreement(String question, PacketTrace replay) {
        this(question, replay, "does not meet the goal");
    }

    /** The replay does something other than the solver said; {@code what} says what, e.g. "names no NAT rule". */
    public ReplayDisagreement(String question, PacketTrace replay, String what) {
        super("internal error: the solver's witness for \"" + question + "\" is " + replay.packet() + " with "
                + replay.saStates().describe()
                + ", but replaying it through the concrete datapath " + what + ":\n"
                + replay.render());
        this.replay = replay;
    }

    /** A disagreement found without a datapath replay (e.g. a rule table replayed on its own). */
    public ReplayDisagreement(String question, String what) {
        super("internal error: the solver's witness for \"" + question + "\" " + what);
        this.replay = null;
    }

    /** The replay's trace, or null when the disagreement was found without one. */
    public PacketTrace replay() {
        return replay;
    }
}
