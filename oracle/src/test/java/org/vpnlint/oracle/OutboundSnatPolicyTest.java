package org.vpnlint.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.oracle.SiteToSite.LAN_HOST;
import static org.vpnlint.oracle.SiteToSite.LAN_HOST_45;
import static org.vpnlint.oracle.SiteToSite.LAN_SUBNET;
import static org.vpnlint.oracle.SiteToSite.OUT_WAN;
import static org.vpnlint.oracle.SiteToSite.REMOTE_HOST;
import static org.vpnlint.oracle.SiteToSite.REMOTE_HOST_55;
import static org.vpnlint.oracle.SiteToSite.REMOTE_SUBNET;
import static org.vpnlint.oracle.SiteToSite.ROUTER_WAN;
import static org.vpnlint.oracle.SiteToSite.lanToRemotePolicy;
import static org.vpnlint.oracle.SiteToSite.routedScenario;
import static org.vpnlint.oracle.SiteToSite.tunnelToPeer;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/semantics/netfilter-and-xfrm-order.md#second-lookup-after-snat: a lan host's packet forwarded through a router
 * that source-NATs and has an outbound IPsec policy. TUNNEL_REQUIRED = SA down with the policy kept (trap);
 * TRANSPORT_USE = stand-in for SA up. Every case uses its own source port, so all of them share one topology.
 */
@Tag("kernel")
class OutboundSnatPolicyTest {

    private static final String MASQUERADE = OUT_WAN + "masquerade";
    private static final String EXCLUDE_TUNNEL = OUT_WAN + "ip daddr " + REMOTE_SUBNET + " return";
    /** Case (c): "NAT into the tunnel", 192.168.10.45 appears as 172.16.17.45 to the remote side. */
    private static final String SNAT_INTO_SELECTOR =
            "ip saddr " + LAN_HOST_45 + " ip daddr " + REMOTE_HOST_55 + " snat to 172.16.17.45";

    private static final XfrmPolicy NATTED_HOST_POLICY_DOWN = XfrmPolicy.out(
            TrafficSelector.between("172.16.17.45/32", REMOTE_HOST_55 + "/32"),
            tunnelToPeer(1, TemplateMode.TUNNEL_REQUIRED));
    /** A required policy on the router's own address: it catches the packet if the lookup after SNAT happens. */
    private static final XfrmPolicy CATCH_TRANSLATED = XfrmPolicy.out(
            TrafficSelector.between(ROUTER_WAN + "/32", REMOTE_SUBNET), tunnelToPeer(2, TemplateMode.TUNNEL_REQUIRED));

    @RegisterExtension
    static final OracleForTestClass ORACLE = new OracleForTestClass();

    @Test
    void snatWithoutExcludeAndSaDownDropsAtTheFirstLookupBeforeSnat() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21001, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (a) required")
                .nft(NftRuleset.sourceNat(MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TUNNEL_REQUIRED))
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(new HookCounters(1, 0, 0, 0, 0, 0, 0), seen.evidence().hooks(), seen::toString);
        assertEquals(List.of(sent), seen.matchedLookupFlows(), seen::toString);
        assertNull(seen.headerOnArrival(), seen::toString);
    }

    @Test
    void snatWithExcludeAndSaDownLooksTheSameAsWithoutExclude() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21002, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (b) required")
                .nft(NftRuleset.sourceNat(EXCLUDE_TUNNEL, MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TUNNEL_REQUIRED))
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(new HookCounters(1, 0, 0, 0, 0, 0, 0), seen.evidence().hooks(), seen::toString);
        assertEquals(List.of(sent), seen.matchedLookupFlows(), seen::toString);
    }

    @Test
    void snatIntoTheSelectorIsCaughtByTheLookupAfterSnat() {
        Observation seen = ORACLE.observe(routedScenario("B1 (c) required")
                .nft(NftRuleset.sourceNat(SNAT_INTO_SELECTOR))
                .policy(NATTED_HOST_POLICY_DOWN)
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST_45, 21003, REMOTE_HOST_55, 5555)))
                .build());

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(new HookCounters(1, 0, 1, 1, 0, 0, 0), seen.evidence().hooks(), seen::toString);
        assertEquals(
                List.of(PacketHeader.udp("172.16.17.45", 21003, REMOTE_HOST_55, 5555)),
                seen.matchedLookupFlows(),
                seen::toString);
    }

    @Test
    void dnatToTheRemoteSubnetIsLookedUpWithThePostDnatDestination() {
        Observation seen = ORACLE.observe(routedScenario("B1 DNAT required")
                .nft(NftRuleset.destinationNat("ip daddr 198.51.100.7 dnat to " + REMOTE_HOST))
                .policy(lanToRemotePolicy(TemplateMode.TUNNEL_REQUIRED))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 21004, "198.51.100.7", 5555)))
                .build());

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(0, seen.evidence().hooks().forwardEntered(), seen::toString);
        assertEquals(
                List.of(PacketHeader.udp(LAN_HOST, 21004, REMOTE_HOST, 5555)),
                seen.matchedLookupFlows(),
                seen::toString);
    }

    @Test
    void snatWithoutExcludeAndSaUpLeavesInCleartextWithTheTranslatedSource() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21005, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (a) use")
                .nft(NftRuleset.sourceNat(MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.CLEARTEXT, seen.verdict(), seen::toString);
        assertEquals(PacketHeader.udp(ROUTER_WAN, 21005, REMOTE_HOST, 5555), seen.headerOnArrival(), seen::toString);
        assertEquals(Origin.WAN, seen.arrivedAt(), seen::toString);
        // The pre-SNAT lookup did match the tunnel; the lookup after SNAT is the one that decided.
        assertEquals(List.of(sent), seen.matchedLookupFlows(), seen::toString);
    }

    @Test
    void snatWithExcludeAndSaUpIsEncryptedUntranslated() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21006, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (b) use")
                .nft(NftRuleset.sourceNat(EXCLUDE_TUNNEL, MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.ENCRYPTED_STANDIN, seen.verdict(), seen::toString);
        assertEquals(sent, seen.headerOnArrival(), seen::toString);
    }

    @Test
    void snatIntoTheSelectorWithSaUpIsEncryptedWithTheTranslatedSource() {
        PacketHeader translated = PacketHeader.udp("172.16.17.45", 21007, REMOTE_HOST_55, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (c) use")
                .nft(NftRuleset.sourceNat(SNAT_INTO_SELECTOR))
                .policy(XfrmPolicy.out(NATTED_HOST_POLICY_DOWN.selector(), tunnelToPeer(1, TemplateMode.TRANSPORT_USE)))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST_45, 21007, REMOTE_HOST_55, 5555)))
                .build());

        assertEquals(KernelVerdict.ENCRYPTED_STANDIN, seen.verdict(), seen::toString);
        assertEquals(translated, seen.headerOnArrival(), seen::toString);
        assertEquals(List.of(translated), seen.matchedLookupFlows(), seen::toString);
    }

    @Test
    void snatWithoutExcludeIsLookedUpTwiceBeforeAndAfterSnat() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21008, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (a) + catch")
                .nft(NftRuleset.sourceNat(MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .policy(CATCH_TRANSLATED)
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.DROPPED_NO_STATE, seen.verdict(), seen::toString);
        assertEquals(new HookCounters(1, 0, 1, 1, 0, 0, 0), seen.evidence().hooks(), seen::toString);
        assertEquals(
                Set.of(sent, PacketHeader.udp(ROUTER_WAN, 21008, REMOTE_HOST, 5555)),
                Set.copyOf(seen.matchedLookupFlows()),
                seen::toString);
    }

    @Test
    void excludedTrafficIsLookedUpOnlyOnceBecauseNothingWasSourceNatted() {
        PacketHeader sent = PacketHeader.udp(LAN_HOST, 21009, REMOTE_HOST, 5555);
        Observation seen = ORACLE.observe(routedScenario("B1 (b) + catch")
                .nft(NftRuleset.sourceNat(EXCLUDE_TUNNEL, MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .policy(CATCH_TRANSLATED)
                .probe(ProbePacket.fromLan(sent))
                .build());

        assertEquals(KernelVerdict.ENCRYPTED_STANDIN, seen.verdict(), seen::toString);
        assertEquals(List.of(sent), seen.matchedLookupFlows(), seen::toString);
        assertEquals(sent, seen.headerOnArrival(), seen::toString);
    }

    @Test
    void tcpSynBehavesLikeUdpWhenSnatCapturesTunnelTraffic() {
        Observation seen = ORACLE.observe(routedScenario("B1 (a) use, TCP")
                .nft(NftRuleset.sourceNat(MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .probe(ProbePacket.fromLan(PacketHeader.tcp(LAN_HOST, 21010, REMOTE_HOST, 22)))
                .build());

        assertEquals(KernelVerdict.CLEARTEXT, seen.verdict(), seen::toString);
        assertEquals(PacketHeader.tcp(ROUTER_WAN, 21010, REMOTE_HOST, 22), seen.headerOnArrival(), seen::toString);
    }

    @Test
    void icmpEchoIsEncryptedWhenExcludedFromSnat() {
        Observation seen = ORACLE.observe(routedScenario("B1 (b) use, ICMP")
                .nft(NftRuleset.sourceNat(EXCLUDE_TUNNEL, MASQUERADE))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .probe(ProbePacket.fromLan(PacketHeader.icmpEcho(LAN_HOST, REMOTE_HOST, 21011)))
                .build());

        assertEquals(KernelVerdict.ENCRYPTED_STANDIN, seen.verdict(), seen::toString);
        assertEquals(PacketHeader.icmpEcho(LAN_HOST, REMOTE_HOST, 0), seen.headerOnArrival(), seen::toString);
    }

    @Test
    void forwardFilterDropIsReportedAsFiltered() {
        Observation seen = ORACLE.observe(routedScenario("forward filter drop")
                .nft(NftRuleset.vyosForwardFilter(List.of("ip daddr " + REMOTE_HOST + " drop")))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 21012, REMOTE_HOST, 5555)))
                .build());

        assertEquals(KernelVerdict.FILTERED, seen.verdict(), seen::toString);
        assertEquals(new HookCounters(1, 0, 1, 0, 0, 0, 0), seen.evidence().hooks(), seen::toString);
    }

    @Test
    void blackholeRouteForForwardedTrafficIsUnreachable() {
        Observation seen = ORACLE.observe(routedScenario("forwarded into a blackhole route")
                .route(Route.blackhole(REMOTE_SUBNET))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 21013, REMOTE_HOST, 5555)))
                .build());

        assertEquals(KernelVerdict.UNREACHABLE, seen.verdict(), seen::toString);
        assertTrue(seen.evidence().send().sent(), seen::toString);
    }

    @Test
    void policyMatchingOnlyTheLanSubnetDoesNotTouchOtherDestinations() {
        Observation seen = ORACLE.observe(routedScenario("destination outside the selector")
                .policy(XfrmPolicy.out(
                        TrafficSelector.between(LAN_SUBNET, "10.99.0.0/16"),
                        tunnelToPeer(1, TemplateMode.TUNNEL_REQUIRED)))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 21014, REMOTE_HOST, 5555)))
                .build());

        assertEquals(KernelVerdict.CLEARTEXT, seen.verdict(), seen::toString);
        assertEquals(List.of(), seen.matchedPolicies(), seen::toString);
    }

    @Test
    void snatThatStaysInsideTheLocalSelectorKeepsTheTrafficInTheTunnel() {
        Observation seen = ORACLE.observe(routedScenario("SNAT inside the selector, use")
                .nft(NftRuleset.sourceNat(
                        "ip saddr " + LAN_HOST + " ip daddr " + REMOTE_HOST + " snat to 192.168.10.200"))
                .policy(lanToRemotePolicy(TemplateMode.TRANSPORT_USE))
                .probe(ProbePacket.fromLan(PacketHeader.udp(LAN_HOST, 21015, REMOTE_HOST, 5555)))
                .build());

        assertEquals(KernelVerdict.ENCRYPTED_STANDIN, seen.verdict(), seen::toString);
        PacketHeader translated = PacketHeader.udp("192.168.10.200", 21015, REMOTE_HOST, 5555);
        assertEquals(translated, seen.headerOnArrival(), seen::toString);
        // Both lookups hit the same policy; Linux 6.18 keeps one larval state per flow, not one per template.
        assertEquals(
                Set.of(PacketHeader.udp(LAN_HOST, 21015, REMOTE_HOST, 5555), translated),
                Set.copyOf(seen.matchedLookupFlows()),
                seen::toString);
    }
}
