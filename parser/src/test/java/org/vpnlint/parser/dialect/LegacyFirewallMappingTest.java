package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.Router;

/** VyOS 1.3 rulesets attached to interfaces, in the base-chain shape of 1.4. */
class LegacyFirewallMappingTest {

    private static final MappedRouter MAPPED = map("r13.set", """
            set firewall name LAN_IN default-action 'accept'
            set firewall name LAN_IN rule 10 action 'drop'
            set firewall name LAN_IN rule 10 destination address '10.0.0.0/8'
            set firewall name WAN_OUT default-action 'drop'
            set firewall name WAN_OUT rule 10 action 'accept'
            set firewall name WAN_OUT rule 10 state established 'enable'
            set firewall name WAN_OUT rule 10 state new 'disable'
            set firewall name WAN_OUT rule 20 action 'reject'
            set firewall name WAN_OUT rule 20 disable
            set firewall ipv6-name V6_IN default-action 'drop'
            set interfaces ethernet eth1 vif 10 firewall in name 'LAN_IN'
            set interfaces ethernet eth0 firewall out name 'WAN_OUT'
            set interfaces ethernet eth0 firewall local name 'WAN_LOCAL'
            set interfaces ethernet eth0 firewall in ipv6-name 'V6_IN'
            set nat source rule 10 outbound-interface 'eth0'
            set nat source rule 10 translation address 'masquerade'
            """);
    private static final Router ROUTER = MAPPED.router();

    @Test
    void inAndOutAttachmentsAreJumpsInTheForwardChain() {
        List<FirewallRule> forward = ROUTER.firewall().ipv4().forward().rules();
        assertEquals(2, forward.size());
        assertEquals(FirewallAction.JUMP, forward.get(0).action());
        assertEquals("LAN_IN", forward.get(0).jumpTarget());
        assertEquals(InterfaceMatch.of("eth1.10"), forward.get(0).inbound());
        assertEquals(InterfaceMatch.ANY, forward.get(0).outbound());
        assertEquals("WAN_OUT", forward.get(1).jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), forward.get(1).outbound());
        assertEquals(
                "interfaces ethernet eth0 firewall out name", forward.get(1).path());
        assertEquals(FirewallAction.ACCEPT, ROUTER.firewall().ipv4().forward().defaultAction());
    }

    @Test
    void acceptInsideARulesetReturnsSoTheOutRulesetStillRuns() {
        FirewallChain lanIn = ROUTER.firewall().ipv4().named().get("LAN_IN");
        assertEquals(FirewallAction.RETURN, lanIn.defaultAction());
        assertEquals(FirewallAction.DROP, lanIn.rules().get(0).action());
        FirewallChain wanOut = ROUTER.firewall().ipv4().named().get("WAN_OUT");
        assertEquals(FirewallAction.RETURN, wanOut.rules().get(0).action());
        assertEquals(FirewallAction.DROP, wanOut.defaultAction());
    }

    @Test
    void disabledStatesAreLeftOutAndDisabledRulesKept() {
        FirewallChain wanOut = ROUTER.firewall().ipv4().named().get("WAN_OUT");
        assertEquals(Set.of(ConnectionState.ESTABLISHED), wanOut.rules().get(0).states());
        assertEquals(true, wanOut.rules().get(1).disabled());
    }

    @Test
    void ipv6RulesetsAttachInTheIpv6Family() {
        FirewallRule jump = ROUTER.firewall().ipv6().forward().rules().get(0);
        assertEquals("V6_IN", jump.jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), jump.inbound());
    }

    @Test
    void anAttachmentOfAMissingRulesetIsReportedAndIgnored() {
        assertEquals(List.of(), ROUTER.firewall().ipv4().input().rules());
        assertEquals(
                List.of(
                        "interfaces ethernet eth0 firewall local name 'WAN_LOCAL': no such ruleset; the attachment is ignored"),
                messages(MAPPED, DiagnosticCodes.INVALID_VALUE));
    }
}
