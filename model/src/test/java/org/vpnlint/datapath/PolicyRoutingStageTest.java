package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.SeedScenarioTest.stages;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.Router;

/**
 * Policy routing (docs/semantics/policy-routing.md): the mangle PREROUTING mark, table N looked up at pref N before
 * strongSwan's table 220 and main, fall-through when table N has no route, the ESP routed without the mark.
 */
class PolicyRoutingStageTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));
    private static final ConcretePacket LAN_TO_INTERNET =
            ConcretePacket.udp("192.168.10.100", 40000, "198.18.0.9", 5555, Ingress.onInterface("eth1"));

    /** The first article's router with a second WAN, eth2, and table 10 leading out of it. */
    private static RouterFixture dualWan() {
        return SeedScenarioTest.firstArticle()
                .ethernet("eth2", "198.51.100.10/24")
                .tableRoute(10, "0.0.0.0/0", "198.51.100.1");
    }

    private static Router markingLan(RouterFixture fixture, int table) {
        return fixture.policyRoute(
                        "LAN",
                        List.of("eth1"),
                        fixture.policyRule(10, "192.168.10.0/24", PolicyRouteAction.SET_TABLE, table))
                .build();
    }

    @Test
    void theMarkedTableIsLookedUpBeforeMainButTheEspIsRoutedWithoutTheMark() {
        PacketTrace trace = Datapath.replay(markingLan(dualWan(), 10), LAN_TO_REMOTE, SaStates.allUp());

        // the policy still encrypts (selectors, not routes, decide), and table 10 (pref 10) routes before table 220;
        // the ESP's own route is looked up with mark 0 (xfrm_bundle_create), so main sends it out eth0, not eth2
        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals("eth0", trace.egress());
        TraceStep.PolicyRouting marking = step(trace, Stage.PREROUTING_POLICY_ROUTE, TraceStep.PolicyRouting.class);
        assertEquals(Stage.PREROUTING_POLICY_ROUTE, stages(trace).get(0));
        assertEquals("policy route X rule 10 (table 10)", marking.rule().label());
        assertEquals(PolicyRouteAction.SET_TABLE, marking.action());
        assertEquals(10, marking.table());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals(RouteEntry.Table.POLICY, route.route().table());
        assertEquals(10, route.route().policyTable());
        assertEquals("static route in table 10", route.route().origin());
        assertEquals(new TraceStep.TableMark(10, marking.rule()), route.mark());
    }

    /** eth0 excludes the tunnel from its masquerade; eth2, the marked table's WAN, masquerades everything. */
    private static RouterFixture masqueradingBothWans(RouterFixture fixture) {
        return fixture.nat(RouterFixture.source(5)
                        .onInterface("eth0")
                        .to("10.10.10.0/24")
                        .exclude())
                .nat(RouterFixture.source(10).onInterface("eth0").masquerade())
                .nat(RouterFixture.source(20).onInterface("eth2").masquerade());
    }

    @Test
    void withTheSaUpTheOtherWansMasqueradeSeesTheBundlesInterfaceAndLetsTheTunnelModePacketBe() {
        PacketTrace trace =
                Datapath.replay(markingLan(masqueradingBothWans(dualWan()), 10), LAN_TO_REMOTE, SaStates.allUp());

        // the SA's bundle is the packet's route from FORWARD on; its device is the tunnel's (the route to the peer,
        // mark 0), so POSTROUTING sees out eth0 and eth0's exclude applies, not eth2's masquerade
        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
        assertEquals(
                "udp 192.168.10.100:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
        TraceStep.PolicyMatch lookup = step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class);
        assertEquals("eth0", lookup.bundleEgress());
        assertEquals("eth2", lookup.routeEgress());
        TraceStep.Translation nat = step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class);
        assertFalse(nat.translated(), StepText.detail(nat));
        assertTrue(nat.rule().label().contains("rule 5"), nat.rule().label());
    }

    @Test
    void withThePolicyRemovedThereIsNoBundleAndTheOtherWansMasqueradeTranslates() {
        RouterFixture fixture = masqueradingBothWans(dualWan());
        PacketTrace trace = Datapath.replay(markingLan(fixture, 10), LAN_TO_REMOTE, SaStates.allDown());

        assertEquals(Verdict.CLEARTEXT, trace.verdict(), trace.render());
        assertEquals("eth2", trace.egress());
        assertEquals(
                "udp 198.51.100.10:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
    }

    @Test
    void aTableWithoutARouteForThePacketPassesItOnToTheNextRule() {
        RouterFixture fixture = SeedScenarioTest.firstArticle().tableRoute(10, "172.16.0.0/12", "203.0.113.1");

        PacketTrace trace = Datapath.replay(markingLan(fixture, 10), LAN_TO_INTERNET, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth0", trace.egress());
        // table 10 has no route to the destination: main's default route decides, the mark still on the packet
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals(RouteEntry.Table.MAIN, route.route().table());
        assertEquals(10, route.mark().table());
        assertEquals("policy route X rule 10 (table 10)", route.mark().rule().label());
    }

    @Test
    void aBlackholeInTheMarkedTableBeatsTable220() {
        RouterFixture fixture = SeedScenarioTest.firstArticle().tableBlackhole(10, "10.10.10.0/24");

        PacketTrace trace = Datapath.replay(markingLan(fixture, 10), LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.BLACKHOLE_ROUTE, trace.dropReason());
    }

    @Test
    void setTableMainLeavesTheLookupToTable220() {
        RouterFixture fixture = dualWan();
        Router router = fixture.policyRoute(
                        "LAN",
                        List.of("eth1"),
                        fixture.policyRule(5, null, PolicyRouteAction.SET_TABLE, 254),
                        fixture.policyRule(10, null, PolicyRouteAction.SET_TABLE, 10))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals("eth0", trace.egress());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals(RouteEntry.Table.IPSEC, route.route().table());
        assertNull(route.mark()); // set table main marks nothing
        TraceStep.PolicyRouting marking = step(trace, Stage.PREROUTING_POLICY_ROUTE, TraceStep.PolicyRouting.class);
        assertEquals(0, marking.table());
    }

    @Test
    void rulesRunInRuleNumberOrderWhateverOrderTheyWereListedIn() {
        RouterFixture fixture = dualWan();
        Router listedBackwards = fixture.policyRoute(
                        "LAN",
                        List.of("eth1"),
                        fixture.policyRule(20, "192.168.10.0/24", PolicyRouteAction.SET_TABLE, 10),
                        fixture.policyRule(10, "192.168.10.0/24", PolicyRouteAction.ACCEPT, 0))
                .build();

        PacketTrace trace = Datapath.replay(listedBackwards, LAN_TO_REMOTE, SaStates.allUp());

        // rule 10 accepts first and ends the ruleset unmarked: main decides, not table 10
        assertEquals("eth0", trace.egress());
        assertEquals(
                "policy route X rule 10 (accept)",
                step(trace, Stage.PREROUTING_POLICY_ROUTE, TraceStep.PolicyRouting.class)
                        .rule()
                        .label());
    }

    @Test
    void dropInPreroutingAndRulesetsBoundToOtherInterfaces() {
        RouterFixture dropping = SeedScenarioTest.firstArticle();
        Router dropsLan = dropping.policyRoute(
                        "LAN", List.of("eth1"), dropping.policyRule(10, null, PolicyRouteAction.DROP, 0))
                .build();
        PacketTrace dropped = Datapath.replay(dropsLan, LAN_TO_INTERNET, SaStates.allUp());
        assertEquals(DropReason.POLICY_ROUTE_DROP, dropped.dropReason());
        assertEquals(
                PolicyRouteAction.DROP,
                step(dropped, Stage.PREROUTING_POLICY_ROUTE, TraceStep.PolicyRouting.class)
                        .action());

        RouterFixture elsewhere = dualWan();
        Router bound = elsewhere
                .policyRoute("WAN", List.of("eth0"), elsewhere.policyRule(10, null, PolicyRouteAction.SET_TABLE, 10))
                .build();
        PacketTrace untouched = Datapath.replay(bound, LAN_TO_REMOTE, SaStates.allUp());
        assertEquals("eth0", untouched.egress());
        assertFalse(stages(untouched).contains(Stage.PREROUTING_POLICY_ROUTE));
    }

    @Test
    void theRoutersOwnPacketsAreNotPolicyRouted() {
        ConcretePacket own = ConcretePacket.udp("203.0.113.134", 40000, "198.18.0.9", 5555, Ingress.local());

        PacketTrace trace = Datapath.replay(markingLan(dualWan(), 10), own, SaStates.allUp());

        assertEquals("eth0", trace.egress());
    }
}
