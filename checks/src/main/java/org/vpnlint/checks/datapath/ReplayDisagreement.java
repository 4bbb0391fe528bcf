package org.vpnlint.checks.datapath;

import org.vpnlint.datapath.PacketTrace;

/**
 * The solver's witness does not do in the concrete datapath what the solver said it does: a bug in vpnlint (the
 * symbolic and the concrete interpretation of the pipeline disagree), never a finding. The command line reports it
 * as an internal error (exit 3). The message carries the question, the witness and the replay's trace; traces hold
 * addresses and rule names, never secrets.
 */
public final class ReplayDisagreement extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient PacketTrace replay;

    ReplayDisagreement(String question, PacketTrace replay) {
        super("internal error: the solver's witness for \"" + question + "\" is " + replay.packet() + " with "
                + replay.saStates().describe()
                + ", but replaying it through the concrete datapath does not meet the goal:\n"
                + replay.render());
        this.replay = replay;
    }

    public PacketTrace replay() {
        return replay;
    }
}
