package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vpnlint.oracle.SiteToSite.LAN_HOST;
import static org.vpnlint.oracle.SiteToSite.LAN_SUBNET;
import static org.vpnlint.oracle.SiteToSite.REMOTE_HOST;
import static org.vpnlint.oracle.SiteToSite.REMOTE_SUBNET;
import static org.vpnlint.oracle.SiteToSite.ROUTER_WAN;
import static org.vpnlint.oracle.SiteToSite.routedScenario;
import static org.vpnlint.oracle.SiteToSite.tunnelToPeer;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/semantics/netfilter-and-xfrm-order.md#inbound-policy-check-on-arrival-addresses: the tunnel's fwd policy (remote
 * subnet → lan, SA required) against cleartext packets from the remote subnet. The check uses the addresses the packet
 * had on arrival, before DNAT. Also: without DNAT, a packet for the router's own address is delivered to it.
 */
@Tag("kernel")
class InboundForwardCheckTest {

    private static final XfrmPolicy REMOTE_TO_LAN_FWD = XfrmPolicy.fwd(
            TrafficSelector.between(REMOTE_SUBNET, LAN_SUBNET), tunnelToPeer(1, TemplateMode.TUNNEL_REQUIRED));

    @RegisterExtension
    static final OracleForTestClass ORACLE = new OracleForTestClass();

    @Test
    void cleartextPacketToAProtectedHostFailsTheForwardPolicyCheck() {
        Observation seen = ORACLE.observe(routedScenario("inbound direct")
                .policy(REMOTE_TO_LAN_FWD)
                .probe(ProbePacket.fromWan(PacketHeader.udp(REMOTE_HOST, 22001, LAN_HOST, 7000)))
                .build());

        assertEquals(KernelVerdict.DROPPED_BY_POLICY, seen.verdict(), seen::toString);
        assertEquals(Map.of("XfrmInTmplMismatch", 1L), seen.evidence().xfrmChanges(), seen::toString);
        assertNull(seen.headerOnArrival(), seen::toString);
    }

    @Test
    void cleartextPacketDnattedIntoTheProtectedSubnetSlipsPastTheForwardPolicyCheck() {
        Observation seen = ORACLE.observe(routedScenario("inbound via DNAT")
                .nft(NftRuleset.destinationNat(
                        "iifname \"" + Topology.ROUTER_WAN_INTERFACE + "\" udp dport 7000" + " dnat to " + LAN_HOST))
                .policy(REMOTE_TO_LAN_FWD)
                .probe(ProbePacket.fromWan(PacketHeader.udp(REMOTE_HOST, 22002, ROUTER_WAN, 7000)))
                .build());

        assertEquals(KernelVerdict.CLEARTEXT, seen.verdict(), seen::toString);
        assertEquals(Origin.LAN, seen.arrivedAt(), seen::toString);
        assertEquals(PacketHeader.udp(REMOTE_HOST, 22002, LAN_HOST, 7000), seen.headerOnArrival(), seen::toString);
        assertEquals(Map.of(), seen.evidence().xfrmChanges(), seen::toString);
    }

    @Test
    void packetToTheRoutersOwnAddressWithoutDnatIsDeliveredLocally() {
        Observation seen = ORACLE.observe(routedScenario("inbound to the router")
                .policy(REMOTE_TO_LAN_FWD)
                .probe(ProbePacket.fromWan(PacketHeader.udp(REMOTE_HOST, 22003, ROUTER_WAN, 7001)))
                .build());

        assertEquals(KernelVerdict.DELIVERED_LOCAL, seen.verdict(), seen::toString);
        assertEquals(1, seen.evidence().hooks().input(), seen::toString);
    }
}
