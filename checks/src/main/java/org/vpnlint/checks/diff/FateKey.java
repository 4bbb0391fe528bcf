package org.vpnlint.checks.diff;

import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.datapath.Verdict;

/**
 * A class of packets whose fate changes: where they arrive, and how each version ends them (verdict, the tunnel
 * named by the outcome, the interface they leave by). Once a class is reported it is blocked, and the solver is
 * asked for a packet outside every reported class, until there is none.
 */
record FateKey(Ingress ingress, Side before, Side after) {

    /** How one version ends a packet; {@code tunnel} and {@code egress} null when the outcome names none. */
    record Side(Verdict verdict, TunnelRef tunnel, String egress) {

        static Side of(PacketTrace trace) {
            return new Side(trace.verdict(), trace.tunnel(), trace.egress());
        }
    }

    static FateKey of(PacketTrace before, PacketTrace after) {
        return new FateKey(before.packet().ingress(), Side.of(before), Side.of(after));
    }
}
