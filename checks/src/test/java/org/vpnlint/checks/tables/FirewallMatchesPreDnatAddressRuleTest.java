package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;

class FirewallMatchesPreDnatAddressRuleTest {

    private static final FirewallMatchesPreDnatAddressRule RULE = new FirewallMatchesPreDnatAddressRule();

    /** VyOS 1.3: WAN_IN opens the port forward by its public address. */
    private static final String PUBLIC_ADDRESS_IN_WAN_IN = """
            set firewall name WAN_IN default-action 'drop'
            # EXPECT: firewall-matches-pre-dnat-address
            set firewall name WAN_IN rule 40 action 'accept'
            set firewall name WAN_IN rule 40 destination address '203.0.113.134'
            set firewall name WAN_IN rule 40 destination port '443'
            set firewall name WAN_IN rule 40 protocol 'tcp'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth0 firewall in name 'WAN_IN'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set nat destination rule 10 destination address '203.0.113.134'
            set nat destination rule 10 destination port '443'
            set nat destination rule 10 inbound-interface 'eth0'
            set nat destination rule 10 protocol 'tcp'
            set nat destination rule 10 translation address '192.168.10.20'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            """;

    @Test
    void wanInRuleForThePublicAddressNeverMatchesTheForwardedTraffic() {
        List<Finding> findings = RuleCheck.of(RULE)
                .config("office.set", PUBLIC_ADDRESS_IN_WAN_IN)
                .expectMarkers();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.WARNING, finding.level());
        assertEquals(
                RuleCheck.lineOf(PUBLIC_ADDRESS_IN_WAN_IN, "nat destination rule 10"),
                finding.related().get(0).location().line());
        assertTrue(finding.message().contains("to 192.168.10.20:443 when the forward filter runs"), finding.message());
        assertEquals("203.0.113.134", finding.witness().dst());
        assertEquals(443, finding.witness().dstPort());
        assertEquals("eth0", finding.witness().inInterface());
        TraceStep.Translation dnat = finding.trace().stream()
                .filter(TraceStep.Translation.class::isInstance)
                .map(TraceStep.Translation.class::cast)
                .filter(TraceStep.Translation::destinationNat)
                .findFirst()
                .orElseThrow(() -> new AssertionError(finding.trace().toString()));
        assertEquals("203.0.113.134", dnat.before().dstText());
        assertEquals("192.168.10.20", dnat.header().dstText());
        assertEquals(
                RuleCheck.lineOf(PUBLIC_ADDRESS_IN_WAN_IN, "nat destination rule 10"),
                dnat.location().line());
        assertEquals("set firewall name WAN_IN rule 40 destination address 192.168.10.20", finding.fix());
    }

    /** VyOS 1.4: the forward filter drops the public address for one source network. */
    private static final String FORWARD_FILTER_1_4 = """
            set firewall ipv4 forward filter rule 10 action 'drop'
            set firewall ipv4 forward filter rule 10 destination address '203.0.113.134'
            set firewall ipv4 forward filter rule 10 inbound-interface name 'eth0'
            set firewall ipv4 forward filter rule 10 source address '198.51.100.0/24'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set nat destination rule 10 destination port '8080'
            set nat destination rule 10 inbound-interface name 'eth0'
            set nat destination rule 10 protocol 'tcp'
            set nat destination rule 10 translation address '192.168.10.20'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            """;

    @Test
    void forwardDropForThePublicAddressDoesNotRestrictThePortForward() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("router.set", FORWARD_FILTER_1_4).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertTrue(
                finding.witness().src().startsWith("198.51.100."),
                finding.witness().toString());
        assertEquals(8080, finding.witness().dstPort());
    }

    @Test
    void ruleNamingTheTranslatedAddressIsFine() {
        String config = PUBLIC_ADDRESS_IN_WAN_IN.replace(
                "rule 40 destination address '203.0.113.134'", "rule 40 destination address '192.168.10.20'");

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }

    /** A routed public server address (not the router's): the rule is also meant for traffic no NAT touches. */
    @Test
    void routedPublicAddressIsNotTheRoutersOwn() {
        String config = PUBLIC_ADDRESS_IN_WAN_IN
                .replace("'203.0.113.134'", "'198.51.100.10'")
                .replace(
                        "set interfaces ethernet eth1 address '192.168.10.1/24'",
                        "set interfaces ethernet eth1 address '192.168.10.1/24'\nset interfaces ethernet eth2 address '198.51.100.1/24'");

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }

    /** Hairpin: LAN clients use the public address, but destination NAT applies on eth0 only. */
    @Test
    void ruleInARulesetOfAnInterfaceWithoutDestinationNatIsFine() {
        String config = PUBLIC_ADDRESS_IN_WAN_IN
                .replace("set firewall name WAN_IN", "set firewall name LAN_IN")
                .replace(
                        "set interfaces ethernet eth0 firewall in name 'WAN_IN'",
                        "set interfaces ethernet eth1 firewall in name 'LAN_IN'");

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }
}
