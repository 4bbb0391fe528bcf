package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import inet.ipaddr.IPAddressString;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The load balancer's chain for the router's own connections
 * (docs/semantics/wan-load-balancing.md#the-routers-own-connections): a balancing rule marks the router's GRE for the chosen WAN, the kernel routes it again by that WAN's
 * table, and the balancer's source NAT gives it that WAN's address, so the policy selecting the GRE no longer
 * matches; an exclude, ICMP and the rule's outbound-interface condition leave it on its route.
 */
class OwnConnectionBalancingTest {

    /** The router's GRE to the peer, which tunnel 2 selects (203.0.113.134/32 ↔ 192.0.2.150/32, protocol gre). */
    private static final ConcretePacket GRE =
            ConcretePacket.of("203.0.113.134", "192.0.2.150", ProtocolMatch.GRE, Ingress.local());

    private static final InterfaceMatch NOT_THE_LAN = new InterfaceMatch(List.of("eth1"), true);

    private static RouterFixture dualWan() {
        return RouterFixture.vyos14()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .ethernet("eth2", "198.51.100.10/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24")
                        .tunnel(2, "203.0.113.134/32", "192.0.2.150/32", ProtocolMatch.GRE));
    }

    /** VyOS's rule 10 balancing eth1's connections, and (enable-local-traffic) the router's own, after {@code before}. */
    private static Router balancingOwnConnections(
            boolean sourceNat, InterfaceMatch outbound, PolicyRouteRule... before) {
        return balancingOwnConnections(dualWan(), sourceNat, outbound, before);
    }

    private static Router balancingOwnConnections(
            RouterFixture fixture, boolean sourceNat, InterfaceMatch outbound, PolicyRouteRule... before) {
        PolicyRouteRule balance = fixture.policyRule(10, null, PolicyRouteAction.LOAD_BALANCE, 0);
        fixture.policyRoute("load-balancing wan", List.of("eth1"), balance)
                .loadBalancer(balance, sourceNat, "eth0", "eth2");
        for (PolicyRouteRule exclude : before) fixture.ownConnectionRule(exclude, InterfaceMatch.ANY, false);
        return fixture.ownConnectionRule(balance, outbound, true).build();
    }

    @Test
    void balancedToTheOtherWanTheRoutersGreIsReroutedAndTranslatedOutOfItsPolicy() {
        Router router = balancingOwnConnections(true, NOT_THE_LAN);

        PacketTrace trace = Datapath.replay(router, GRE.balancedTo("eth2"), SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict(), trace.render());
        assertEquals("eth2", trace.egress());
        assertEquals("gre 198.51.100.10 → 192.0.2.150", trace.finalHeader().toString());
        TraceStep.OwnConnectionBalancing balancing =
                step(trace, Stage.OUTPUT_LOAD_BALANCE, TraceStep.OwnConnectionBalancing.class);
        assertEquals("eth2", balancing.balancing().wan());
        assertEquals("eth0", balancing.socketEgress());
        assertEquals(202, balancing.table());
        assertTrue(
                StepText.detail(balancing).contains("re-routed by load-balancing to eth2 (table 202"),
                StepText.detail(balancing));
        TraceStep.Translation nat = step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class);
        assertTrue(
                nat.rule().label().contains("the load balancer's source NAT"),
                nat.rule().label());
    }

    @Test
    void balancedToItsOwnWanTheRoutersGreKeepsItsAddressAndIsEncrypted() {
        PacketTrace trace =
                Datapath.replay(balancingOwnConnections(true, NOT_THE_LAN), GRE.balancedTo("eth0"), SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
    }

    @Test
    void withoutTheBalancersSourceNatTheReroutedGreStaysInsideItsPolicy() {
        PacketTrace trace =
                Datapath.replay(balancingOwnConnections(false, NOT_THE_LAN), GRE.balancedTo("eth2"), SaStates.allUp());

        // the XFRM policy matches the unchanged header; the ESP is routed without the mark (xfrm_bundle_create),
        // so it leaves by the tunnel's own interface, and the re-routed packet's bundle is that interface's too
        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
        TraceStep.PolicyMatch lookup = step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class);
        assertEquals("eth0", lookup.bundleEgress());
        assertEquals("eth2", lookup.routeEgress());
    }

    /** {@link #dualWan()} with the peer's SAs in transport mode, as GRE over IPsec usually is. */
    private static RouterFixture dualWanInTransportMode() {
        return RouterFixture.vyos14()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .ethernet("eth2", "198.51.100.10/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .transportEspGroup("TRANSPORT")
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .espGroup("TRANSPORT")
                        .tunnel(2, "203.0.113.134/32", "192.0.2.150/32", ProtocolMatch.GRE));
    }

    @Test
    void theEspOfATransportModeSaLeavesByTheWanTheBalancerChose() {
        PacketTrace trace = Datapath.replay(
                balancingOwnConnections(dualWanInTransportMode(), false, NOT_THE_LAN),
                GRE.balancedTo("eth2"),
                SaStates.allUp());

        // a transport-mode bundle keeps the packet's own route: the re-routed GRE's ESP leaves eth2
        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth2", trace.egress());
    }

    @Test
    void aMasqueradeOnTheOtherWanTranslatesTheReroutedGreOfATransportModeSa() {
        Router masquerading = balancingOwnConnections(
                dualWanInTransportMode()
                        .nat(RouterFixture.source(20).onInterface("eth2").masquerade()),
                false,
                NOT_THE_LAN);

        PacketTrace trace = Datapath.replay(masquerading, GRE.balancedTo("eth2"), SaStates.allUp());

        // the hooks see out eth2 (the bundle's path is the packet's route), eth2's masquerade translates, and the
        // lookup after source NAT matches no policy
        assertEquals(Verdict.CLEARTEXT, trace.verdict(), trace.render());
        assertEquals("eth2", trace.egress());
        assertEquals("gre 198.51.100.10 → 192.0.2.150", trace.finalHeader().toString());
    }

    @Test
    void aMasqueradeOnTheOtherWanDoesNotSeeTheReroutedGreOfATunnelModeSa() {
        Router masquerading = balancingOwnConnections(
                dualWan().nat(RouterFixture.source(20).onInterface("eth2").masquerade()), false, NOT_THE_LAN);

        PacketTrace trace = Datapath.replay(masquerading, GRE.balancedTo("eth2"), SaStates.allUp());

        // POSTROUTING's out is the bundle's device, eth0, so eth2's masquerade never matches
        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
        assertEquals("gre 203.0.113.134 → 192.0.2.150", trace.finalHeader().toString());
    }

    @Test
    void anExcludeForThePeerKeepsTheRoutersGreOnItsRoute() {
        PolicyRouteRule toPeer = new PolicyRouteRule(
                5,
                new PacketMatch(
                        AddressMatch.ANY,
                        new AddressMatch(
                                List.of(new IPAddressString("192.0.2.150/32")
                                        .getAddress()
                                        .toSequentialRange()),
                                false,
                                "192.0.2.150"),
                        ProtocolMatch.ANY,
                        PortMatch.ANY,
                        PortMatch.ANY),
                PolicyRouteAction.ACCEPT,
                0,
                0,
                false,
                "load-balancing wan rule 5",
                null);

        PacketTrace trace = Datapath.replay(
                balancingOwnConnections(true, NOT_THE_LAN, toPeer), GRE.balancedTo("eth2"), SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
        TraceStep.OwnConnectionBalancing excluded =
                step(trace, Stage.OUTPUT_LOAD_BALANCE, TraceStep.OwnConnectionBalancing.class);
        assertNull(excluded.balancing());
        assertTrue(StepText.detail(excluded).contains("excluded from load balancing"), StepText.detail(excluded));
    }

    @Test
    void aConnectionLeavingByTheRulesInboundInterfaceIsNotBalanced() {
        // the daemon turns "inbound-interface eth0" into "not leaving by eth0" for the router's own connections
        Router router = balancingOwnConnections(true, new InterfaceMatch(List.of("eth0"), true));

        PacketTrace trace = Datapath.replay(router, GRE.balancedTo("eth2"), SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
    }

    @Test
    void icmpPassesTheBalancersChainUnmarked() {
        ConcretePacket ping = ConcretePacket.of("203.0.113.134", "192.0.2.150", ProtocolMatch.ICMP, Ingress.local());

        PacketTrace trace =
                Datapath.replay(balancingOwnConnections(true, NOT_THE_LAN), ping.balancedTo("eth2"), SaStates.allUp());

        assertEquals("eth0", trace.egress(), trace.render());
        assertTrue(trace.steps().stream().noneMatch(s -> s instanceof TraceStep.OwnConnectionBalancing));
    }

    @Test
    void forwardedTrafficDoesNotMeetTheOutputChain() {
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 40000, "198.18.0.1", 443, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(
                balancingOwnConnections(true, NOT_THE_LAN), fromLan.balancedTo("eth2"), SaStates.allUp());

        assertEquals("eth2", trace.egress(), trace.render());
        assertTrue(trace.steps().stream().noneMatch(s -> s instanceof TraceStep.OwnConnectionBalancing));
    }
}
