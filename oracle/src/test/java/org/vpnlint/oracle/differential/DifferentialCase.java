package org.vpnlint.oracle.differential;

import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;

/**
 * One case of the differential test: a router, the state of its SAs and one packet.
 *
 * @param name            what the case is, for the report
 * @param config          the configuration text the router was read from, printed with a disagreement
 * @param router          the router as vpnlint models it
 * @param saStates        which CHILD_SAs are up
 * @param packet          the packet, as it enters the router
 * @param icmpIdentifier  echo identifier for an ICMP probe (the model ignores it; conntrack needs a fresh one)
 */
record DifferentialCase(
        String name, String config, Router router, SaStates saStates, ConcretePacket packet, int icmpIdentifier) {

    /** A case whose router is read from {@code commands}, a set-command script in {@code dialect}. */
    static DifferentialCase fromCommands(
            String name, String commands, Dialect dialect, SaStates saStates, ConcretePacket packet) {
        return new DifferentialCase(
                name, commands, ConfigText.read(name + ".set", commands, dialect), saStates, packet, 0);
    }

    String describe() {
        return name + ": " + packet + ", " + saStates.describe();
    }
}
