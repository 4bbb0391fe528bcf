package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.source;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;

/**
 * WAN load balancing (docs/semantics/wan-load-balancing.md): the load balancer marks a connection for the table of
 * the WAN it chose, that table's default route wins over strongSwan's table 220, and a load balancer with source
 * NAT translates the connection ahead of the configured rules. The choice is an input: a replay names it.
 */
class LoadBalancingStageTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    /** The first article's router with a second WAN, eth2, masqueraded; the tunnel's exclude only on eth0. */
    private static RouterFixture dualWan() {
        return SeedScenarioTest.firstArticle()
                .ethernet("eth2", "198.51.100.10/24")
                .nat(source(10).onInterface("eth0").to("10.10.10.0/24").exclude())
                .nat(source(20).onInterface("eth0").masquerade())
                .nat(source(30).onInterface("eth2").masquerade());
    }

    /** The LAN's connections balanced between eth0 and eth2 by rule 70, after {@code before}. */
    private static Router balanced(boolean sourceNat, PolicyRouteRule... before) {
        RouterFixture fixture = dualWan();
        PolicyRouteRule balance = fixture.policyRule(70, null, PolicyRouteAction.LOAD_BALANCE, 0);
        List<PolicyRouteRule> rules = new java.util.ArrayList<>(List.of(before));
        rules.add(balance);
        return fixture.policyRoute("balance", List.of("eth1"), rules.toArray(PolicyRouteRule[]::new))
                .loadBalancer(balance, sourceNat, "eth0", "eth2")
                .build();
    }

    @Test
    void theChosenWansTableRoutesTheTunnelsTrafficBeforeTable220() {
        Router router = balanced(false);

        PacketTrace first = Datapath.replay(router, LAN_TO_REMOTE.balancedTo("eth0"), SaStates.allUp());
        assertEquals(Verdict.ENCRYPTED, first.verdict(), first.render());
        TraceStep.PolicyRouting marking = step(first, Stage.PREROUTING_POLICY_ROUTE, TraceStep.PolicyRouting.class);
        assertEquals(PolicyRouteAction.LOAD_BALANCE, marking.action());
        assertEquals("eth0", marking.balancing().wan());

        // with the SA up the packet's route is the SA's bundle, whose device is the tunnel's eth0: eth2's
        // masquerade does not see it, eth0's exclude does
        PacketTrace second = Datapath.replay(router, LAN_TO_REMOTE.balancedTo("eth2"), SaStates.allUp());
        assertEquals(Verdict.ENCRYPTED, second.verdict(), second.render());
        assertEquals("eth0", second.egress());
        assertEquals(
                202, step(second, Stage.ROUTE, TraceStep.Route.class).mark().table(), second.render());

        // with the SA down and its policy removed there is no bundle: the route's eth2 masquerades it
        PacketTrace down = Datapath.replay(router, LAN_TO_REMOTE.balancedTo("eth2"), SaStates.allDown());
        assertEquals(Verdict.CLEARTEXT, down.verdict(), down.render());
        assertEquals("eth2", down.egress());
        assertEquals(
                "udp 198.51.100.10:40000 → 10.10.10.200:5555",
                down.finalHeader().toString());
    }

    @Test
    void withoutAChoiceTheGroupsFirstWanIsTaken() {
        PacketTrace trace = Datapath.replay(balanced(false), LAN_TO_REMOTE, SaStates.allUp());
        assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
    }

    @Test
    void theLoadBalancersSourceNatComesBeforeTheExclude() {
        PacketTrace trace = Datapath.replay(balanced(true), LAN_TO_REMOTE.balancedTo("eth0"), SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict(), trace.render());
        assertEquals("eth0", trace.egress());
        assertEquals(
                "udp 203.0.113.134:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
        TraceStep.Translation nat = step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class);
        assertTrue(nat.rule().label().contains("load balancer's source NAT"), trace.render());
    }

    @Test
    void anExemptionBeforeTheBalancingRuleKeepsTheTunnelEncryptedOnEveryWan() {
        PolicyRouteRule exempt = new PolicyRouteRule(
                10,
                RouterFixture.matching(null, "10.10.10.0/24"),
                PolicyRouteAction.SET_TABLE,
                PolicyRouteRule.MAIN_TABLE,
                0,
                false,
                "policy route X rule 10",
                null);
        Router router = balanced(true, exempt);
        for (String wan : List.of("eth0", "eth2")) {
            PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE.balancedTo(wan), SaStates.allUp());
            assertEquals(Verdict.ENCRYPTED, trace.verdict(), trace.render());
            assertEquals("eth0", trace.egress());
        }
    }
}
