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
}
