package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Level;

class DnatStealsIkeRuleTest {

    private static final DnatStealsIkeRule RULE = new DnatStealsIkeRule();

    /** VyOS 1.3: a 1:1 port forward of the router's only public address, all protocols, to a server. */
    private static final String WHOLE_ADDRESS_FORWARDED = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            # EXPECT: dnat-steals-ike
            set nat destination rule 10 destination address '203.0.113.134'
            set nat destination rule 10 inbound-interface 'eth0'
            set nat destination rule 10 translation address '192.168.10.20'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec ipsec-interfaces interface 'eth0'
            set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'
            """;

    @Test
    void forwardingTheWholeLocalAddressStealsIkeNatTAndEsp() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("office.set", WHOLE_ADDRESS_FORWARDED).expectMarkers();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level());
        assertTrue(
                finding.message()
                        .contains(
                                "IKE from 192.0.2.150 to 203.0.113.134 becomes udp 192.0.2.150:500 → 192.168.10.20:500"),
                finding.message());
        assertTrue(finding.message().contains("ESP from 192.0.2.150"), finding.message());
        assertEquals("nat destination rule 10|peer 192.0.2.150", finding.subject());
        assertTrue(finding.fix().contains("set nat destination rule 9 exclude"), finding.fix());
        assertTrue(finding.fix().contains("source address 192.0.2.150"), finding.fix());
    }

    /** EdgeOS: a udp port range forward that happens to include 4500. */
    private static final String EDGEOS_PORT_RANGE = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set service nat rule 1 description 'game server'
            set service nat rule 1 destination port '4000-5000'
            set service nat rule 1 inbound-interface 'eth0'
            set service nat rule 1 inside-address address '192.168.10.30'
            set service nat rule 1 protocol 'udp'
            set service nat rule 1 type 'destination'
            set vpn ipsec ipsec-interfaces interface 'eth0'
            set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'
            """;

    @Test
    void edgeosPortRangeCoveringNatTStealsOnlyNatT() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("edge.set", EDGEOS_PORT_RANGE).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertTrue(finding.message().contains("NAT-T from 192.0.2.150"), finding.message());
        assertTrue(
                !finding.message().contains("IKE from") && !finding.message().contains("ESP from"), finding.message());
        assertEquals(4500, finding.witness().dstPort());
    }

    /** VyOS 1.4: the forward is limited to tcp 443, so IKE and ESP stay with the router. */
    private static final String HTTPS_ONLY = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set nat destination rule 10 destination address '203.0.113.134'
            set nat destination rule 10 destination port '443'
            set nat destination rule 10 inbound-interface name 'eth0'
            set nat destination rule 10 protocol 'tcp'
            set nat destination rule 10 translation address '192.168.10.20'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec interface 'eth0'
            set vpn ipsec site-to-site peer PARTNER authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer PARTNER local-address '203.0.113.134'
            set vpn ipsec site-to-site peer PARTNER remote-address '192.0.2.150'
            set vpn ipsec site-to-site peer PARTNER tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer PARTNER tunnel 1 remote prefix '10.10.10.0/24'
            """;

    @Test
    void httpsOnlyForwardLeavesIkeAlone() {
        assertEquals(
                List.of(), RuleCheck.of(RULE).config("branch.set", HTTPS_ONLY).findings());
    }

    @Test
    void forwardOfAnotherPublicAddressLeavesIkeAlone() {
        String otherAddress = WHOLE_ADDRESS_FORWARDED
                .replace(
                        "set interfaces ethernet eth0 address '203.0.113.134/24'",
                        "set interfaces ethernet eth0 address '203.0.113.134/24'\nset interfaces ethernet eth0 address '203.0.113.135/24'")
                .replace("rule 10 destination address '203.0.113.134'", "rule 10 destination address '203.0.113.135'");

        assertEquals(
                List.of(), RuleCheck.of(RULE).config("office.set", otherAddress).findings());
    }

    @Test
    void peerFromAnyAddressLosesIkeToAPortForwardForEveryone() {
        String config = HTTPS_ONLY
                .replace(
                        "set nat destination rule 10 destination port '443'",
                        "set nat destination rule 10 destination port '500'")
                .replace("set nat destination rule 10 protocol 'tcp'", "set nat destination rule 10 protocol 'udp'")
                .replace("remote-address '192.0.2.150'", "remote-address 'any'");

        List<Finding> findings = RuleCheck.of(RULE).config("branch.set", config).findings();

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(
                findings.get(0).message().contains("IKE from any address to 203.0.113.134 becomes udp"),
                findings.get(0).message());
        assertEquals(500, findings.get(0).witness().dstPort());
    }
}
