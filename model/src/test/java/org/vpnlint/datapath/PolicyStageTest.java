package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.stages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/** The two outbound policy lookups, SA states, priorities and what VyOS renders as selectors. */
class PolicyStageTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    private static RouterFixture wanAndLan() {
        return RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1");
    }

    @Test
    void firstLookupWithoutStateDropsBeforeForwardAndSourceNat() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .nat(source(10).onInterface("eth0").from("192.168.10.0/24").translateTo("203.0.113.134"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.POLICY_WITHOUT_SA, trace.dropReason());
        assertEquals(new TunnelRef("192.0.2.150", 1), trace.tunnel());
        assertEquals(List.of(Stage.PREROUTING_DNAT, Stage.ROUTE, Stage.POLICY_LOOKUP), stages(trace));
        assertEquals("192.168.10.100", trace.finalHeader().srcText());
    }

    @Test
    void secondLookupWithoutStateDropsInPostrouting() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                .nat(source(10).from("192.168.10.45").to("10.10.10.55").translateTo("172.16.17.45"))
                .build();
        ConcretePacket packet =
                ConcretePacket.udp("192.168.10.45", 40000, "10.10.10.55", 5555, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.POLICY_WITHOUT_SA_AFTER_SNAT, trace.dropReason());
        assertEquals("172.16.17.45", trace.finalHeader().srcText());
    }

    @Test
    void theRoutersOwnPacketSourceNattedIntoAPolicyWithoutStateIsRefusedToItsSender() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                .nat(source(10).to("10.10.10.55").translateTo("172.16.17.45"))
                .build();
        ConcretePacket gre = ConcretePacket.of("203.0.113.134", "10.10.10.55", ProtocolMatch.GRE, Ingress.local());

        PacketTrace trace = Datapath.replay(router, gre, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT, trace.dropReason());
        assertEquals(new TunnelRef("192.0.2.150", 1), trace.tunnel());
        assertEquals("172.16.17.45", trace.finalHeader().srcText());
        assertTrue(trace.render().contains("the sending program gets EREMOTE"), trace.render());
    }

    @Test
    void policiesOfAStartedTunnelVanishWithItsSaAndTheTrafficIsRoutedInCleartext() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.150").local("203.0.113.134").tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .nat(source(5).onInterface("eth0").to("10.10.10.0/24").exclude())
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals(
                "udp 192.168.10.100:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
    }

    @Test
    void theMoreSpecificSelectorWinsWhateverTheConfigurationOrder() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.1").local("203.0.113.134").tunnel(1, "192.168.0.0/16", "10.0.0.0/8"))
                .peer(peer("192.0.2.2").local("203.0.113.134").tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(new TunnelRef("192.0.2.2", 1), trace.tunnel());
        assertEquals("esp 203.0.113.134 → 192.0.2.2", trace.outerHeader().toString());
    }

    @Test
    void aMoreSpecificTrapBeatsABroaderEstablishedSa() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.1").local("203.0.113.134").tunnel(1, "192.168.0.0/16", "10.0.0.0/8"))
                .peer(peer("192.0.2.2")
                        .local("203.0.113.134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();
        SaStates states = SaStates.allUp().with(new TunnelRef("192.0.2.2", 1), false);

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, states);

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(new TunnelRef("192.0.2.2", 1), trace.tunnel());
    }

    @Test
    void priorityFollowsStrongSwanAndTheRegularSaBeatsItsTrap() {
        Router router = wanAndLan()
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();

        List<PolicyEntry> policies =
                CompiledRouter.compile(router, AddressFamily.IPV4).policies();

        // charon was observed installing the trap at 375424 (docs/semantics/strongswan.md#policy-priority)
        assertEquals(375_423, policies.get(0).priority());
        assertFalse(policies.get(0).trap());
        assertEquals(375_424, policies.get(1).priority());
        assertTrue(policies.get(1).trap());
    }

    @Test
    void withoutPrefixesTheSelectorIsTheIkeEndpointsWithAllProtocolsEvenIfProtocolGreIsSet() {
        ConcretePacket udpToPeer = ConcretePacket.udp("192.0.2.10", 4000, "203.0.113.20", 53, Ingress.local());

        PacketTrace trace = Datapath.replay(SeedScenarioTest.canonicalGre(), udpToPeer, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        CompiledTunnel tunnel = CompiledRouter.compile(SeedScenarioTest.canonicalGre(), AddressFamily.IPV4)
                .tunnels()
                .get(0);
        assertEquals("192.0.2.10 → 203.0.113.20", tunnel.selectorText());
    }

    @Test
    void withPrefixesTheProtocolSelectorIsHonouredAndNoRouteIsInstalled() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .dummy("dum0", "10.10.0.1/32")
                .route("0.0.0.0/0", "192.0.2.1")
                .peer(peer("203.0.113.20")
                        .local("192.0.2.10")
                        .tunnel(1, "10.10.0.1/32", "10.10.0.2/32", ProtocolMatch.GRE))
                .build();
        ConcretePacket gre = ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local());
        ConcretePacket udp = ConcretePacket.udp("10.10.0.1", 4000, "10.10.0.2", 53, Ingress.local());

        assertEquals(
                Verdict.ENCRYPTED,
                Datapath.replay(router, gre, SaStates.allUp()).verdict());
        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(router, udp, SaStates.allUp()).verdict());
        assertTrue(CompiledRouter.compile(router, AddressFamily.IPV4).routes().stream()
                .noneMatch(r -> r.table() == RouteEntry.Table.IPSEC));
    }

    @Test
    void transportModeSelectsTheEndpointsWithTheProtocol() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .route("0.0.0.0/0", "192.0.2.1")
                .transportEspGroup("TRANSPORT")
                .peer(peer("203.0.113.20")
                        .local("192.0.2.10")
                        .espGroup("TRANSPORT")
                        .tunnel(1, null, null, ProtocolMatch.GRE))
                .build();
        ConcretePacket gre = ConcretePacket.of("192.0.2.10", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());
        ConcretePacket udp = ConcretePacket.udp("192.0.2.10", 4000, "203.0.113.20", 53, Ingress.local());

        assertEquals(
                Verdict.ENCRYPTED,
                Datapath.replay(router, gre, SaStates.allUp()).verdict());
        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(router, udp, SaStates.allUp()).verdict());
    }

    @Test
    void localAddressAnyProtectsTheRoutersOwnTrafficFromItsSourceAddressTowardsThePeer() {
        Router router = RouterFixture.vyos14()
                .ethernet("eth0", "192.0.2.1/24")
                .route("0.0.0.0/0", "192.0.2.254")
                .peer(peer("203.0.113.20").local("any").tunnel(1, null, null, ProtocolMatch.GRE))
                .build();
        ConcretePacket gre = ConcretePacket.of("192.0.2.1", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());

        PacketTrace trace = Datapath.replay(router, gre, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
    }

    @Test
    void aDpdHoldPeerOfVyos13KeepsItsTrapWhenDown() {
        Router router = wanAndLan()
                .ikeGroup("DPD", null, true, null)
                .peer(peer("192.0.2.150")
                        .local("203.0.113.134")
                        .ikeGroup("DPD")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(DropReason.POLICY_WITHOUT_SA, trace.dropReason());
    }

    @Test
    void aDpdPeerOfVyos14ClearsAndLeaks() {
        Router router = RouterFixture.vyos14()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .ikeGroup("DPD", null, true, null)
                .peer(peer("branch")
                        .remote("192.0.2.150")
                        .local("203.0.113.134")
                        .ikeGroup("DPD")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();

        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown()).verdict());
    }
}
