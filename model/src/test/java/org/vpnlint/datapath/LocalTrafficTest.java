package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.stages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/** Packets the router sends itself (GRE of a tunnel interface): route at socket time, OUTPUT, POSTROUTING. */
class LocalTrafficTest {

    @Test
    void noRouteFailsBeforeAnyPolicyLookup() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .peer(peer("203.0.113.20")
                        .local("192.0.2.10")
                        .connectionType(ConnectionType.RESPOND)
                        .tunnel(1, null, null, ProtocolMatch.GRE))
                .build();
        ConcretePacket gre = ConcretePacket.of("192.0.2.10", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());

        PacketTrace trace = Datapath.replay(router, gre, SaStates.allDown());

        assertEquals(Verdict.UNREACHABLE, trace.verdict());
        assertEquals(List.of(Stage.ROUTE), stages(trace));
    }

    @Test
    void theRoutersOwnGreIsMasqueradedWhenItLeaksAndTheSecondLookupFindsNothing() {
        Router router = SeedScenarioTest.dummyDesign("198.51.100.2", ConnectionType.INITIATE)
                .route("0.0.0.0/0", "192.0.2.1")
                .nat(source(100).onInterface("eth0").masquerade())
                .build();
        ConcretePacket gre = ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local());

        PacketTrace trace = Datapath.replay(router, gre, SaStates.allDown());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("gre 192.0.2.10 → 10.10.0.2", trace.finalHeader().toString());
        assertEquals(
                List.of(
                        Stage.ROUTE,
                        Stage.POLICY_LOOKUP,
                        Stage.OUTPUT_FILTER,
                        Stage.POSTROUTING_SNAT,
                        Stage.POLICY_LOOKUP_AFTER_SNAT,
                        Stage.TRANSMIT),
                stages(trace));
    }

    @Test
    void aForwardedPacketRoutedIntoAGreInterfaceEndsThereAndNamesTheGrePacket() {
        Router router = SeedScenarioTest.dummyDesign("198.51.100.2", ConnectionType.RESPOND)
                .ethernet("eth1", "192.168.10.1/24")
                .interfaceRoute("10.20.0.0/16", "tun0")
                .build();
        ConcretePacket packet =
                ConcretePacket.udp("192.168.10.100", 4000, "10.20.1.1", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("tun0", trace.egress());
        TraceStep.Encapsulation gre = SeedScenarioTest.step(trace, Stage.TRANSMIT, TraceStep.Encapsulation.class);
        assertEquals("tun0", gre.device());
        assertEquals(ProtocolMatch.GRE, gre.outerProtocol());
        assertEquals("10.10.0.1", gre.outerSource().toCompressedString());
        assertEquals("10.10.0.2", gre.outerDestination().toCompressedString());
        assertEquals("udp 192.168.10.100:4000 → 10.20.1.1:53", gre.header().toString());
    }

    @Test
    void aPacketToTheRoutersOwnAddressIsDeliveredLocally() {
        ConcretePacket ping = ConcretePacket.of("192.0.2.10", "10.10.0.1", ProtocolMatch.ICMP, Ingress.local());

        PacketTrace trace =
                Datapath.replay(SeedScenarioTest.dummyDesign("@west", null).build(), ping, SaStates.allUp());

        assertEquals(Verdict.LOCAL, trace.verdict());
        assertNull(trace.egress());
    }

    @Test
    void routeBasedTrafficIsEncryptedByTheVtiWhileItsSaIsUpAndRoutedElsewhereWhenDown() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .vti("vti0", "10.255.0.1/30")
                .route("0.0.0.0/0", "203.0.113.1")
                .interfaceRoute("10.20.0.0/16", "vti0")
                .peer(peer("192.0.2.150").local("203.0.113.134").vti("vti0"))
                .build();
        ConcretePacket packet =
                ConcretePacket.udp("192.168.10.100", 4000, "10.20.1.1", 53, Ingress.onInterface("eth1"));

        PacketTrace up = Datapath.replay(router, packet, SaStates.allUp());
        PacketTrace down = Datapath.replay(router, packet, SaStates.allDown());

        assertEquals(Verdict.ENCRYPTED, up.verdict());
        assertEquals(TunnelRef.vti("192.0.2.150"), up.tunnel());
        assertEquals("eth0", up.egress());
        assertEquals(Verdict.CLEARTEXT, down.verdict());
        assertEquals("eth0", down.egress());
    }
}
