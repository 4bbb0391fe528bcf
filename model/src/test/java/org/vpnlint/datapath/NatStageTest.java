package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vpnlint.datapath.RouterFixture.destination;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.assertTranslation;
import static org.vpnlint.datapath.SeedScenarioTest.stages;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/** PREROUTING destination NAT and POSTROUTING source NAT: first match by number, interface conditions, translations. */
class NatStageTest {

    private static final ConcretePacket WEB_FROM_INTERNET =
            ConcretePacket.tcp("198.51.100.7", 1234, "203.0.113.134", 8080, Ingress.onInterface("eth0"));

    private static RouterFixture plainRouter() {
        return RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1");
    }

    @Test
    void destinationNatRunsBeforeRoutingSoTheNewDestinationIsRouted() {
        Router router = plainRouter()
                .nat(destination(20)
                        .onInterface("eth0")
                        .to("203.0.113.134")
                        .protocol(ProtocolMatch.TCP)
                        .destinationPorts(8080, 8080)
                        .translateTo("192.168.10.5", 80))
                .build();

        PacketTrace trace = Datapath.replay(router, WEB_FROM_INTERNET, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth1", trace.egress());
        assertEquals(
                "tcp 198.51.100.7:1234 → 192.168.10.5:80", trace.finalHeader().toString());
        assertTranslation(
                trace,
                Stage.PREROUTING_DNAT,
                "rule 20",
                "tcp 198.51.100.7:1234 → 203.0.113.134:8080",
                "tcp 198.51.100.7:1234 → 192.168.10.5:80");
    }

    @Test
    void destinationNatMatchesOnlyItsInboundInterface() {
        Router router = plainRouter()
                .nat(destination(20).onInterface("eth0").to("203.0.113.134").translateTo("192.168.10.5"))
                .build();
        ConcretePacket fromLan =
                ConcretePacket.tcp("192.168.10.7", 1234, "203.0.113.134", 8080, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, fromLan, SaStates.allUp());

        assertEquals(Verdict.LOCAL, trace.verdict());
        assertNull(
                step(trace, Stage.PREROUTING_DNAT, TraceStep.Translation.class).rule());
    }

    @Test
    void destinationRulesMatchInRuleNumberOrder() {
        Router router = plainRouter()
                .nat(destination(30).to("203.0.113.134").translateTo("192.168.10.30"))
                .nat(destination(10).to("203.0.113.134").translateTo("192.168.10.10"))
                .build();

        PacketTrace trace = Datapath.replay(router, WEB_FROM_INTERNET, SaStates.allUp());

        assertEquals("192.168.10.10", trace.finalHeader().dstText());
    }

    @Test
    void portConditionsDoNotMatchOtherPorts() {
        Router router = plainRouter()
                .nat(destination(20)
                        .to("203.0.113.134")
                        .protocol(ProtocolMatch.TCP)
                        .destinationPorts(2000, 2100)
                        .translateTo("192.168.10.5"))
                .build();

        assertEquals(
                Verdict.LOCAL,
                Datapath.replay(router, WEB_FROM_INTERNET, SaStates.allUp()).verdict());
    }

    @Test
    void negatedSourceIsNotTranslated() {
        Router router = plainRouter()
                .nat(source(100).onInterface("eth0").notFrom("192.168.10.0/24").masquerade())
                .build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, fromLan, SaStates.allUp());

        assertNull(
                step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class).rule());
        assertEquals("192.168.10.100", trace.finalHeader().srcText());
    }

    @Test
    void sourceNatMatchesOnlyItsOutboundInterface() {
        Router router =
                plainRouter().nat(source(100).onInterface("eth1").masquerade()).build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        assertEquals(
                "192.168.10.100",
                Datapath.replay(router, fromLan, SaStates.allUp()).finalHeader().srcText());
    }

    @Test
    void wildcardAndNegatedInterfacesAreHonoured() {
        Router wildcard =
                plainRouter().nat(source(100).onInterface("eth+").masquerade()).build();
        Router negated = RouterFixture.of(Dialect.VYOS_1_4)
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .nat(source(100)
                        .onInterfaces(new InterfaceMatch(List.of("eth1"), true))
                        .masquerade())
                .build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        assertEquals(
                "203.0.113.134",
                Datapath.replay(wildcard, fromLan, SaStates.allUp())
                        .finalHeader()
                        .srcText());
        assertEquals(
                "203.0.113.134",
                Datapath.replay(negated, fromLan, SaStates.allUp())
                        .finalHeader()
                        .srcText());
    }

    @Test
    void masqueradeOnADhcpInterfaceTakesTheUnknownAddress() {
        Router router = RouterFixture.vyos13()
                .dhcp("eth0")
                .ethernet("eth1", "192.168.10.1/24")
                .nat(source(100).onInterface("eth0").masquerade())
                .build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, fromLan, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals(
                "udp <dynamic address>:4000 → 198.51.100.7:53",
                trace.finalHeader().toString());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals("default route from DHCP on eth0", route.route().origin());
        assertEquals("eth0", route.egress());
    }

    @Test
    void prefixTranslationKeepsTheHostBits() {
        Router router = plainRouter()
                .nat(source(100).onInterface("eth0").from("192.168.10.0/24").mapPrefix("172.16.10.0/24"))
                .build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        assertEquals(
                "172.16.10.100",
                Datapath.replay(router, fromLan, SaStates.allUp()).finalHeader().srcText());
    }

    @Test
    void excludeStopsSourceNatAndSkipsTheSecondLookup() {
        Router router = plainRouter()
                .nat(source(5).onInterface("eth0").to("198.51.100.0/24").exclude())
                .nat(source(100).onInterface("eth0").masquerade())
                .build();
        ConcretePacket fromLan =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, fromLan, SaStates.allUp());

        assertEquals("192.168.10.100", trace.finalHeader().srcText());
        assertFalse(stages(trace).contains(Stage.POLICY_LOOKUP_AFTER_SNAT));
    }

    @Test
    void theEncryptedPacketIsMasqueradedInItsOwnPostrouting() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24", "203.0.113.135/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.135")
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .nat(source(5).onInterface("eth0").to("10.10.10.0/24").exclude())
                .nat(source(100).onInterface("eth0").masquerade())
                .build();
        ConcretePacket toRemote =
                ConcretePacket.udp("192.168.10.100", 4000, "10.10.10.200", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, toRemote, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertTranslation(
                trace,
                Stage.OUTER_POSTROUTING,
                "rule 100",
                "esp 203.0.113.135 → 192.0.2.150",
                "esp 203.0.113.134 → 192.0.2.150");
        assertEquals("esp 203.0.113.134 → 192.0.2.150", trace.outerHeader().toString());
    }

    @Test
    void forcedUdpEncapsulationWrapsEspInUdp4500() {
        Router router = SeedScenarioTest.firstArticle().build();
        Router encapsulating = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.134")
                        .forceUdpEncapsulation()
                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                .build();
        ConcretePacket toRemote =
                ConcretePacket.udp("192.168.10.100", 4000, "10.10.10.200", 53, Ingress.onInterface("eth1"));

        assertEquals(
                "esp 203.0.113.134 → 192.0.2.150",
                Datapath.replay(router, toRemote, SaStates.allUp())
                        .outerHeader()
                        .toString());
        assertEquals(
                "udp 203.0.113.134:4500 → 192.0.2.150:4500",
                Datapath.replay(encapsulating, toRemote, SaStates.allUp())
                        .outerHeader()
                        .toString());
    }

    @Test
    void sourcePortTranslationAppliesToTcpAndUdpOnly() {
        Router router = plainRouter()
                .nat(source(100).onInterface("eth0").translateTo("203.0.113.134", 2000))
                .build();
        ConcretePacket udp =
                ConcretePacket.udp("192.168.10.100", 4000, "198.51.100.7", 53, Ingress.onInterface("eth1"));
        ConcretePacket gre =
                ConcretePacket.of("192.168.10.100", "198.51.100.7", ProtocolMatch.GRE, Ingress.onInterface("eth1"));

        PacketTrace udpTrace = Datapath.replay(router, udp, SaStates.allUp());
        PacketTrace greTrace = Datapath.replay(router, gre, SaStates.allUp());

        assertEquals(
                "udp 203.0.113.134:2000 → 198.51.100.7:53",
                udpTrace.finalHeader().toString());
        assertTranslation(
                udpTrace,
                Stage.POSTROUTING_SNAT,
                "rule 100",
                "udp 192.168.10.100:4000 → 198.51.100.7:53",
                "udp 203.0.113.134:2000 → 198.51.100.7:53");
        assertEquals("gre 203.0.113.134 → 198.51.100.7", greTrace.finalHeader().toString());
    }
}
