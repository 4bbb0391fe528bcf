package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Level;

class FirewallRuleUnreachableRuleTest {

    private static final FirewallRuleUnreachableRule RULE = new FirewallRuleUnreachableRule();

    private static final String INTERFACES_1_3 = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth0 firewall in name 'WAN_IN'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            """;

    /** VyOS 1.3: the drop for one server comes after the accept for its whole subnet. */
    private static final String DROP_AFTER_SUBNET_ACCEPT = """
            set firewall name WAN_IN default-action 'drop'
            set firewall name WAN_IN rule 10 action 'accept'
            set firewall name WAN_IN rule 10 destination address '192.168.10.0/24'
            # EXPECT: firewall-rule-unreachable
            set firewall name WAN_IN rule 20 action 'drop'
            set firewall name WAN_IN rule 20 destination address '192.168.10.50'
            set firewall name WAN_IN rule 20 protocol 'tcp'
            """ + INTERFACES_1_3;

    @Test
    void dropAfterAcceptOfItsSubnetNeverActs() {
        List<Finding> findings = RuleCheck.of(RULE)
                .config("office.set", DROP_AFTER_SUBNET_ACCEPT)
                .expectMarkers();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.WARNING, finding.level());
        assertTrue(
                finding.message().startsWith("rule 20 of WAN_IN (drop) never acts: rule 10 of WAN_IN (accept)"),
                finding.message());
        assertEquals(
                RuleCheck.lineOf(DROP_AFTER_SUBNET_ACCEPT, "WAN_IN rule 10"),
                finding.related().get(0).location().line());
        assertEquals("192.168.10.50", finding.witness().dst());
        assertEquals("edit firewall name WAN_IN\nrename rule 20 to rule 5\ntop", finding.fix());
        assertEquals("firewall name WAN_IN rule 20", finding.subject());
    }

    /**
     * The chains vpnlint builds for a zone policy are its rendering, not rules anyone wrote: with an interface in two
     * zones (which VyOS refuses) the zone LAN's intra-zone drop takes every packet its from-WAN rules would see,
     * yet only the rulesets are examined.
     */
    @Test
    void theChainsOfAZonePolicyAreNotExamined() {
        List<Finding> findings = RuleCheck.of(RULE).config("zones.set", """
                set firewall ipv4 name WAN-LAN default-action 'drop'
                set firewall zone LAN interface 'eth1'
                set firewall zone LAN intra-zone-filtering action 'drop'
                set firewall zone LAN from WAN firewall name 'WAN-LAN'
                set firewall zone WAN interface 'eth1'
                set interfaces ethernet eth1 address '192.168.10.1/24'
                """).findings();

        assertEquals(List.of(), findings);
    }

    /** VyOS 1.4: rule 30 drops tcp or udp to port 22, but rules 10 (tcp) and 20 (udp) already drop all of it. */
    private static final String COVERED_BY_TWO_RULES = """
            set firewall ipv4 input filter default-action 'accept'
            set firewall ipv4 input filter rule 10 action 'drop'
            set firewall ipv4 input filter rule 10 protocol 'tcp'
            set firewall ipv4 input filter rule 10 inbound-interface name 'eth0'
            set firewall ipv4 input filter rule 20 action 'drop'
            set firewall ipv4 input filter rule 20 protocol 'udp'
            set firewall ipv4 input filter rule 20 inbound-interface name 'eth0'
            set firewall ipv4 input filter rule 30 action 'drop'
            set firewall ipv4 input filter rule 30 protocol 'tcp_udp'
            set firewall ipv4 input filter rule 30 destination port '22'
            set firewall ipv4 input filter rule 30 inbound-interface name 'eth0'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            """;

    @Test
    void ruleCoveredByTwoEarlierRulesTogetherNamesBoth() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("router.set", COVERED_BY_TWO_RULES).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertTrue(
                finding.message()
                        .contains("rule 30 of input filter (drop) never acts: the earlier rules "
                                + "rule 10 of input filter (drop), rule 20 of input filter (drop) together"),
                finding.message());
        assertEquals(2, finding.related().size());
        assertEquals("delete firewall ipv4 input filter rule 30", finding.fix());
    }

    @Test
    void ipv6ChainsAreExaminedToo() {
        String config = """
                set firewall ipv6 forward filter rule 10 action 'accept'
                set firewall ipv6 forward filter rule 10 destination address '2001:db8:10::/48'
                set firewall ipv6 forward filter rule 20 action 'drop'
                set firewall ipv6 forward filter rule 20 destination address '2001:db8:10::5'
                set interfaces ethernet eth0 address '2001:db8:1::1/64'
                set interfaces ethernet eth1 address '2001:db8:10::1/64'
                """;

        List<Finding> findings = RuleCheck.of(RULE).config("router.set", config).findings();

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(
                findings.get(0).message().startsWith("rule 20 of forward filter (IPv6) (drop) never acts"),
                findings.get(0).message());
        assertEquals("2001:db8:10::5", findings.get(0).witness().dst());
    }

    @Test
    void establishedAcceptDoesNotShadowADropOfNewPackets() {
        String config = """
                set firewall name WAN_IN default-action 'drop'
                set firewall name WAN_IN rule 10 action 'accept'
                set firewall name WAN_IN rule 10 state established 'enable'
                set firewall name WAN_IN rule 20 action 'drop'
                set firewall name WAN_IN rule 20 destination address '192.168.10.50'
                """ + INTERFACES_1_3;

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }

    @Test
    void wildcardInterfaceRuleIsNotShadowedByOneInterface() {
        String config = """
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 inbound-interface name 'eth0'
                set firewall ipv4 forward filter rule 20 action 'drop'
                set firewall ipv4 forward filter rule 20 inbound-interface name 'eth*'
                set interfaces ethernet eth0 address '203.0.113.134/24'
                """;

        assertEquals(List.of(), RuleCheck.of(RULE).config("router.set", config).findings());
    }

    @Test
    void disabledEarlierRuleShadowsNothing() {
        String config = DROP_AFTER_SUBNET_ACCEPT.replace(
                "set firewall name WAN_IN rule 20 action 'drop'",
                "set firewall name WAN_IN rule 10 disable\nset firewall name WAN_IN rule 20 action 'drop'");

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }

    private static final String INPUT_1_4 = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set firewall ipv4 input filter default-action 'drop'
            """;

    private static List<Finding> input14(String rules) {
        return RuleCheck.of(RULE).config("r14.set", INPUT_1_4 + rules).findings();
    }

    @Test
    void anEarlierRuleReadWiderProvesNothingAndSaysWhatItCouldNotRead() {
        List<Finding> findings = input14("""
                set firewall ipv4 input filter rule 10 action 'accept'
                set firewall ipv4 input filter rule 10 protocol 'tcp'
                set firewall ipv4 input filter rule 10 recent count '5'
                set firewall ipv4 input filter rule 20 action 'drop'
                set firewall ipv4 input filter rule 20 protocol 'tcp'
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Level.NOTE, findings.get(0).level());
        assertTrue(
                findings.get(0).message().contains("'firewall ipv4 input filter rule 10 recent' could not be read"),
                findings.get(0).message());
    }

    /** A full-size router can have hundreds of such rules behind one note; it names ten of each and counts the rest. */
    @Test
    void aNoteNamesTenRulesAndTenUnreadConditionsThenCountsTheRest() {
        StringBuilder rules = new StringBuilder();
        for (int port = 1; port <= 12; port++) {
            String rule = "set firewall ipv4 input filter rule " + port;
            rules.append(rule).append(" action 'accept'\n");
            rules.append(rule).append(" protocol 'tcp'\n");
            rules.append(rule).append(" destination port '").append(port).append("'\n");
            rules.append(rule).append(" recent count '5'\n");
        }
        rules.append("""
                set firewall ipv4 input filter rule 99 action 'drop'
                set firewall ipv4 input filter rule 99 protocol 'tcp'
                set firewall ipv4 input filter rule 99 destination port '1-12'
                """);
        List<Finding> findings = input14(rules.toString());

        assertEquals(1, findings.size(), findings.toString());
        String message = findings.get(0).message();
        assertEquals(Level.NOTE, findings.get(0).level());
        assertTrue(message.contains(", … and 2 more rules would take every packet it matches"), message);
        assertTrue(
                message.contains("'firewall ipv4 input filter rule 10 recent' could not be read; … and 2 more"
                        + " unread conditions. Nothing is proved either way."),
                message);
        assertTrue(!message.contains("rule 11 "), message);
    }

    @Test
    void aLaterRuleReadWiderIsStillProvedDead() {
        List<Finding> findings = input14("""
                set firewall ipv4 input filter rule 10 action 'accept'
                set firewall ipv4 input filter rule 10 protocol 'tcp'
                set firewall ipv4 input filter rule 20 action 'drop'
                set firewall ipv4 input filter rule 20 protocol 'tcp'
                set firewall ipv4 input filter rule 20 recent count '5'
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(Level.WARNING, findings.get(0).level());
    }

    @Test
    void icmpTypesAreComparedExactly() {
        String echo = """
                set firewall ipv4 input filter rule 10 action 'accept'
                set firewall ipv4 input filter rule 10 protocol 'icmp'
                set firewall ipv4 input filter rule 10 icmp type-name 'echo-request'
                """;
        assertEquals(List.of(), input14(echo + """
                set firewall ipv4 input filter rule 20 action 'drop'
                set firewall ipv4 input filter rule 20 protocol 'icmp'
                set firewall ipv4 input filter rule 20 icmp type-name 'timestamp-request'
                """), "another type: not covered");
        assertEquals(List.of(), input14(echo + """
                set firewall ipv4 input filter rule 20 action 'drop'
                set firewall ipv4 input filter rule 20 protocol 'icmp'
                """), "every type: only echo requests are taken by rule 10");
        List<Finding> sameType = input14(echo + """
                set firewall ipv4 input filter rule 20 action 'drop'
                set firewall ipv4 input filter rule 20 protocol 'icmp'
                set firewall ipv4 input filter rule 20 icmp type '8'
                set firewall ipv4 input filter rule 20 icmp code '0'
                """);
        assertEquals(1, sameType.size(), sameType.toString());
        assertEquals(Level.WARNING, sameType.get(0).level());
    }

    @Test
    void tcpFlagsAreComparedExactly() {
        String notSyn = """
                set firewall ipv4 input filter rule 10 action 'drop'
                set firewall ipv4 input filter rule 10 protocol 'tcp'
                set firewall ipv4 input filter rule 10 tcp flags not 'syn'
                """;
        assertEquals(List.of(), input14(notSyn + """
                set firewall ipv4 input filter rule 20 action 'accept'
                set firewall ipv4 input filter rule 20 protocol 'tcp'
                """));
        List<Finding> covered = input14(notSyn + """
                set firewall ipv4 input filter rule 20 action 'accept'
                set firewall ipv4 input filter rule 20 protocol 'tcp'
                set firewall ipv4 input filter rule 20 tcp flags 'ack'
                set firewall ipv4 input filter rule 20 tcp flags not 'syn'
                """);
        assertEquals(1, covered.size(), covered.toString());
    }
}
