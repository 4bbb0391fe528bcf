package org.vpnlint.datapath;

import java.util.List;

/**
 * A replayed packet: where it ended and every step on the way.
 *
 * @param tunnel      the tunnel that encrypted it, or whose policy dropped it; null otherwise
 * @param egress      the interface it leaves by (an encrypted packet: the interface of its ESP packet); null if none
 * @param finalHeader the inner header when the verdict was reached
 * @param outerHeader the ESP (or UDP 4500) packet for ENCRYPTED, else null
 * @param dropReason  for DROPPED and UNREACHABLE, else null
 */
public record PacketTrace(
        ConcretePacket packet,
        SaStates saStates,
        Verdict verdict,
        TunnelRef tunnel,
        String egress,
        ConcreteHeader finalHeader,
        ConcreteHeader outerHeader,
        DropReason dropReason,
        List<TraceStep.PacketStep> steps) {

    public PacketTrace {
        steps = List.copyOf(steps);
    }

    /** The plain-text form {@code vpnlint trace} prints. */
    public String render() {
        return TraceText.render(this);
    }

    /** The JSON-friendly form (DESIGN.md "trace"). */
    public TraceReport toReport() {
        return TraceReport.of(this);
    }
}
