package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vpnlint.datapath.RouterFixture.matching;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.DetailMatch;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IcmpMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;

/** Which inexactly read rules a replayed packet may rest on. */
class InexactRulesTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    private static FirewallRule readWider(FirewallRule rule, String reason) {
        return new FirewallRule(
                rule.number(),
                rule.action(),
                rule.jumpTarget(),
                rule.match(),
                rule.inbound(),
                rule.outbound(),
                rule.states(),
                rule.ipsec(),
                rule.disabled(),
                rule.path(),
                rule.location(),
                List.of(Approximation.wider(reason, rule.location())));
    }

    @Test
    void aRuleReadWiderCountsWhereItsHeaderConditionsMatchThePacket() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        FirewallRule matchingRule = readWider(
                fixture.rule(10, FirewallAction.DROP, matching("192.168.10.0/24", null)),
                "'rule 10 limit' could not be read");
        FirewallRule otherRule = readWider(
                fixture.rule(20, FirewallAction.DROP, matching("172.16.0.0/12", null)),
                "'rule 20 limit' could not be read");
        Router router = fixture.namedChain("LAN", FirewallAction.RETURN, matchingRule, otherRule)
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(
                List.of("'rule 10 limit' could not be read"),
                InexactRules.behind(router, trace).stream()
                        .map(InexactRules.Use::text)
                        .toList());
    }

    @Test
    void anIcmpTypeIsNotEvaluatedWhenAPacketIsReplayed() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        PacketMatch any = matching(null, null);
        PacketMatch echo = new PacketMatch(
                any.source(),
                any.destination(),
                any.protocol(),
                any.sourcePort(),
                any.destinationPort(),
                new DetailMatch(new IcmpMatch(8, null, "icmp type-name echo-request"), null));
        Router router = fixture.namedChain(
                        "LAN",
                        FirewallAction.RETURN,
                        fixture.rule(10, FirewallAction.ACCEPT, echo),
                        fixture.rule(20, FirewallAction.ACCEPT, any))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(
                List.of("rule 10: 'icmp type-name echo-request' is not evaluated when a packet is replayed"),
                InexactRules.behind(router, trace).stream()
                        .map(InexactRules.Use::text)
                        .toList());
    }

    private static PolicyRouteRule readAs(PolicyRouteRule rule, Approximation approximation) {
        return new PolicyRouteRule(
                rule.number(),
                rule.match(),
                rule.action(),
                rule.table(),
                rule.mark(),
                rule.disabled(),
                rule.path(),
                rule.location(),
                List.of(approximation));
    }

    private static List<String> behind(Router router, ConcretePacket packet) {
        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());
        return InexactRules.behind(router, trace).stream()
                .map(InexactRules.Use::text)
                .toList();
    }

    /** Policy routing: a wider rule counts where it matches the packet; so does one whose action was not read. */
    @Test
    void aPolicyRouteRuleReadWiderOrWithAnUnknownActionCountsWhereItMatchesThePacket() {
        RouterFixture fixture = SeedScenarioTest.firstArticle()
                .ethernet("eth2", "198.51.100.10/24")
                .tableRoute(10, "0.0.0.0/0", "198.51.100.1");
        PolicyRouteRule marking = readAs(
                fixture.policyRule(10, "192.168.10.0/24", PolicyRouteAction.SET_TABLE, 10),
                Approximation.wider("'policy route X rule 10 state' could not be read", null));
        PolicyRouteRule otherSource = readAs(
                fixture.policyRule(20, "172.16.0.0/12", PolicyRouteAction.SET_TABLE, 10),
                Approximation.wider("'policy route X rule 20 limit' could not be read", null));
        PolicyRouteRule loadBalancing = readAs(
                fixture.policyRule(30, "192.168.10.0/24", PolicyRouteAction.UNKNOWN, 0),
                Approximation.unknownAction("'policy route X rule 30 set lb-group' could not be read", null));
        PolicyRouteRule markOnly = readAs(
                fixture.policyRule(40, "192.168.10.0/24", PolicyRouteAction.SET_MARK, 0),
                Approximation.wider("'policy route X rule 40 limit' could not be read", null));
        Router router = fixture.policyRoute("X", List.of("eth1"), marking, otherSource, loadBalancing, markOnly)
                .build();

        // rule 20 matches another source, and rule 40 only sets a mark, which changes no route
        assertEquals(
                List.of(
                        "'policy route X rule 10 state' could not be read",
                        "'policy route X rule 30 set lb-group' could not be read"),
                behind(router, LAN_TO_REMOTE));
    }

    /** A narrower rule counts even when it did not match the packet: what it failed to match is unknown. */
    @Test
    void aPolicyRouteRuleReadNarrowerCountsEvenWhereItDoesNotMatch() {
        RouterFixture fixture = SeedScenarioTest.firstArticle();
        PolicyRouteRule narrower = readAs(
                fixture.policyRule(10, "172.16.0.0/12", PolicyRouteAction.SET_TABLE, 10),
                new Approximation(
                        Approximation.Direction.NARROWER, "'policy route X rule 10 state' could not be read", null));
        Router bound = fixture.policyRoute("X", List.of("eth1"), narrower).build();
        Router boundToWan = SeedScenarioTest.firstArticle()
                .policyRoute("X", List.of("eth0"), narrower)
                .build();

        assertEquals(List.of("'policy route X rule 10 state' could not be read"), behind(bound, LAN_TO_REMOTE));
        // a ruleset sees only the packets arriving on its interfaces; the router's own packets pass none
        assertEquals(List.of(), behind(boundToWan, LAN_TO_REMOTE));
        assertEquals(
                List.of(),
                behind(bound, ConcretePacket.udp("203.0.113.134", 40000, "10.10.10.200", 5555, Ingress.local())));
    }
}
