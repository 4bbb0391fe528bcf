package org.vpnlint.oracle.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.oracle.ArrivalLog;
import org.vpnlint.oracle.Evidence;
import org.vpnlint.oracle.HookCounters;
import org.vpnlint.oracle.LarvalState;
import org.vpnlint.oracle.Observation;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.PacketHeader;
import org.vpnlint.oracle.SendResult;

/**
 * What the sender was told is compared too: the router's own packet refused after SNAT must fail its send with
 * EREMOTE (TCP excepted). Hand-made kernel evidence on the rendered pinned cases; runs without the kernel.
 */
class VerdictCorrespondenceTest {

    private static final HookCounters OUTPUT_ONLY = new HookCounters(0, 0, 0, 0, 1, 1, 0);
    private static final TunnelRef TRAPPED_TUNNEL = new TunnelRef("peerB", 2);

    private static DifferentialRun.PreparedCase pinned(String protocol) {
        DifferentialCase chosen = MinimalCases.all().stream()
                .filter(c -> c.name().contains("source-NATed into a trap")
                        && c.name().endsWith(protocol))
                .findFirst()
                .orElseThrow();
        return DifferentialRun.prepare(chosen, new ScenarioRenderer(CaseGenerator.HOSTS));
    }

    /** The kernel's side of the pinned case: XfrmOutNoStates and a larval state of the trap on the SNATed flow. */
    private static List<String> differences(
            DifferentialRun.PreparedCase prepared, PacketHeader snatted, SendResult send) {
        int reqid = prepared.rendered().tunnelByReqid().entrySet().stream()
                .filter(e -> e.getValue().equals(TRAPPED_TUNNEL))
                .findFirst()
                .orElseThrow()
                .getKey();
        Evidence evidence = new Evidence(
                send,
                OUTPUT_ONLY,
                Map.of("XfrmOutNoStates", 1L),
                List.of(new LarvalState(reqid, snatted)),
                Map.of(Origin.WAN, new ArrivalLog(Set.of())));
        Observation seen = Observation.classify(prepared.rendered().scenario(), evidence);
        return VerdictCorrespondence.differences(prepared.trace(), seen, prepared.rendered());
    }

    @Test
    void aGrePacketRefusedWithEremoteAgrees() {
        assertEquals(
                List.of(),
                differences(
                        pinned("GRE"),
                        PacketHeader.gre("192.168.10.200", "10.10.0.2"),
                        new SendResult(false, "EREMOTE")));
    }

    @Test
    void aGrePacketThatWasSentSilentlyDisagrees() {
        List<String> differences =
                differences(pinned("GRE"), PacketHeader.gre("192.168.10.200", "10.10.0.2"), new SendResult(true, null));

        assertEquals(1, differences.size(), differences.toString());
        assertTrue(differences.get(0).startsWith("sender: model error EREMOTE, kernel sent"), differences.toString());
    }

    @Test
    void aTcpConnectIsNotToldAndAgreesOnlyWhenItSeemsSent() {
        PacketHeader snatted = PacketHeader.tcp("192.168.10.200", 30214, "10.10.0.2", 22);

        assertEquals(List.of(), differences(pinned("TCP"), snatted, new SendResult(true, null)));
        assertEquals(
                1,
                differences(pinned("TCP"), snatted, new SendResult(false, "EREMOTE"))
                        .size());
    }
}
