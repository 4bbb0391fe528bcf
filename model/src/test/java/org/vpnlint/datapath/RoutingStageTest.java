package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.SeedScenarioTest.stages;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Router;

/** Route selection: local table, strongSwan's table 220, main (longest prefix, then distance); blackhole, reject, none. */
class RoutingStageTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    @Test
    void blackholeRouteGuardsTheRemotePrefixWhileTheSaIsDown() {
        Router router =
                SeedScenarioTest.firstArticle().blackhole("10.10.10.0/24", 254).build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.BLACKHOLE_ROUTE, trace.dropReason());
        assertEquals(List.of(Stage.PREROUTING_DNAT, Stage.ROUTE), stages(trace));
    }

    @Test
    void table220IsConsultedBeforeTheMainTableEvenAgainstAMoreSpecificRoute() {
        Router router = SeedScenarioTest.firstArticle()
                .blackhole("10.10.10.200/32", 254)
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals(RouteEntry.Table.IPSEC, route.route().table());
        assertEquals("table 220 of tunnel 1 of peer 192.0.2.150", route.route().origin());
    }

    @Test
    void longestPrefixWinsThenTheLowestDistance() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .ethernet("eth2", "198.51.100.1/24")
                .route("10.10.0.0/16", "203.0.113.1")
                .blackhole("10.10.10.0/24", 254)
                .route("10.10.10.0/24", "198.51.100.9", 10)
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth2", trace.egress());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals("10.10.10.0/24", route.route().prefix().toCompressedString());
        assertEquals(10, route.route().distance());
        assertEquals("eth2", route.egress());
    }

    @Test
    void rejectRouteDropsWithAnIcmpError() {
        Router router = SeedScenarioTest.firstArticle().reject("10.10.10.0/24").build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.REJECT_ROUTE, trace.dropReason());
    }

    @Test
    void withoutARouteTheForwardedPacketIsUnreachable() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .build();
        ConcretePacket packet = ConcretePacket.udp("192.168.10.100", 40000, "8.8.8.8", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());

        assertEquals(Verdict.UNREACHABLE, trace.verdict());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertNull(route.route());
        assertEquals("8.8.8.8", route.header().dstText());
    }

    @Test
    void aConnectedSubnetIsRoutedOutOfItsInterface() {
        Router router = SeedScenarioTest.firstArticle().build();
        ConcretePacket packet =
                ConcretePacket.udp("203.0.113.50", 40000, "192.168.10.20", 53, Ingress.onInterface("eth0"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());

        assertEquals("eth1", trace.egress());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals("connected to eth1", route.route().origin());
        assertEquals("192.168.10.0/24", route.route().prefix().toCompressedString());
        assertEquals("eth1", route.egress());
    }

    @Test
    void aDummyInterfaceDiscardsWhatIsRoutedIntoIt() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth1", "192.168.10.1/24")
                .dummy("dum0", "10.50.0.1/24")
                .build();
        ConcretePacket packet =
                ConcretePacket.udp("192.168.10.100", 40000, "10.50.0.9", 53, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.DISCARD_INTERFACE, trace.dropReason());
    }

    @Test
    void disablingRouteAutoinstallLeavesTheDummyDesignWithoutARoute() {
        Router router = SeedScenarioTest.dummyDesign("198.51.100.2", org.vpnlint.model.ConnectionType.RESPOND)
                .disableRouteAutoinstall()
                .build();
        ConcretePacket gre = ConcretePacket.of("10.10.0.1", "10.10.0.2", 47, Ingress.local());

        assertEquals(
                Verdict.UNREACHABLE,
                Datapath.replay(router, gre, SaStates.allUp()).verdict());
    }

    @Test
    void noTable220RouteWithoutALocalAddressInsideTheLocalSelector() {
        // 172.16.17.45/32 is on no interface: strongSwan finds no source address and installs no route
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .peer(RouterFixture.peer("192.0.2.150")
                        .local("203.0.113.134")
                        .tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                .build();
        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);

        assertTrue(compiled.routes().stream().noneMatch(r -> r.table() == RouteEntry.Table.IPSEC));
    }
}
