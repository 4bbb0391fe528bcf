package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.oracle.Observation;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.PacketHeader;

/**
 * What the kernel did with a probe, in the terms {@code vpnlint diff} compares fates: delivered to the router,
 * left by a side as a header (encrypted: by which tunnels' policies), or dropped, whatever dropped it (the diff does
 * not count the reason of a drop as part of the fate). Ports only for protocols that have them (an ICMP probe's
 * echo identifier differs from replay to replay).
 */
record KernelFate(String fate, Origin arrivedAt, PacketHeader header, List<TunnelRef> tunnels) {

    static KernelFate of(CaseResult result) {
        Observation seen = result.seen();
        return switch (seen.verdict()) {
            case DELIVERED_LOCAL -> new KernelFate("delivered to the router", null, null, List.of());
            case CLEARTEXT ->
                new KernelFate("cleartext", seen.arrivedAt(), comparable(seen.headerOnArrival()), List.of());
            case ENCRYPTED_STANDIN ->
                new KernelFate(
                        "encrypted",
                        seen.arrivedAt(),
                        comparable(seen.headerOnArrival()),
                        VerdictCorrespondence.coveringTunnels(seen, result.rendered()));
            default -> new KernelFate("dropped", null, null, List.of());
        };
    }

    private static PacketHeader comparable(PacketHeader header) {
        return header == null || header.protocol().hasPorts() ? header : header.withoutPorts();
    }
}
