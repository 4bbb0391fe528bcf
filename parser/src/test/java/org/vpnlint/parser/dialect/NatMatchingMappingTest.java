package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;
import static org.vpnlint.parser.dialect.Mapping.prefixRange;
import static org.vpnlint.parser.dialect.Mapping.range;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.Router;

/** VyOS 1.3 NAT with groups, negations, ranges, port lists, prefix maps and nat66. */
class NatMatchingMappingTest {

    private static final MappedRouter MAPPED = map("r13.set", """
            set firewall group address-group SERVERS address '192.168.10.10-192.168.10.20'
            set firewall group address-group SERVERS address '192.168.10.50'
            set firewall group network-group TUNNEL_NETS network '10.10.0.0/16'
            set firewall group network-group TUNNEL_NETS network '10.11.0.0/16'
            set firewall group port-group WEB port 'http'
            set firewall group port-group WEB port 'https'
            set firewall group port-group WEB port '8000-8080'
            set nat source rule 10 outbound-interface 'eth0'
            set nat source rule 10 source group address-group 'SERVERS'
            set nat source rule 10 destination address '!10.10.0.0/16'
            set nat source rule 10 protocol 'tcp_udp'
            set nat source rule 10 source port '!22,telnet,1001-1005'
            set nat source rule 10 translation address '203.0.113.10-203.0.113.20'
            set nat source rule 20 outbound-interface 'eth+'
            set nat source rule 20 destination group network-group 'TUNNEL_NETS'
            set nat source rule 20 exclude
            set nat source rule 30 outbound-interface '!eth1'
            set nat source rule 30 source address '192.168.0.0/24'
            set nat source rule 30 translation address '100.64.0.0/24'
            set nat source rule 30 disable
            set nat destination rule 40 inbound-interface 'eth0'
            set nat destination rule 40 destination group port-group 'WEB'
            set nat destination rule 40 protocol 'tcp'
            set nat destination rule 40 translation address '192.168.10.10'
            set nat66 source rule 1 outbound-interface 'eth0'
            set nat66 source rule 1 source prefix '2001:db8:10::/64'
            set nat66 source rule 1 translation address '2001:db8:ffff::/64'
            // vyos-config-version: "firewall@5:ipsec@5:nat@5"
            """);
    private static final Router ROUTER = MAPPED.router();

    private static NatRule source(int number) {
        return ROUTER.nat().sourceRules().stream()
                .filter(r -> r.number() == number && r.path().startsWith("nat "))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readsAs13WithoutProblems() {
        assertEquals(Dialect.VYOS_1_3, MAPPED.dialect());
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.INVALID_VALUE));
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.UNSUPPORTED_SYNTAX));
    }

    @Test
    void addressGroupResolvesToItsRangeAndAddress() {
        assertEquals(
                List.of(
                        range("192.168.10.10", "192.168.10.20"),
                        ip("192.168.10.50").toSequentialRange()),
                source(10).match().source().ranges());
    }

    @Test
    void negatedDestinationPrefix() {
        var destination = source(10).match().destination();
        assertTrue(destination.negated());
        assertFalse(destination.matches(ip("10.10.3.4")));
        assertTrue(destination.matches(ip("10.12.3.4")));
    }

    @Test
    void tcpUdpAndANegatedPortListWithNamesAndRanges() {
        var match = source(10).match();
        assertTrue(match.protocol().matches(6)
                && match.protocol().matches(17)
                && !match.protocol().matches(1));
        assertFalse(match.sourcePort().matches(22));
        assertFalse(match.sourcePort().matches(23));
        assertFalse(match.sourcePort().matches(1003));
        assertTrue(match.sourcePort().matches(1006));
    }

    @Test
    void translationToARange() {
        NatTranslation translation = source(10).translation();
        assertEquals(range("203.0.113.10", "203.0.113.20"), translation.addresses());
        assertEquals(null, translation.prefixMapLength());
    }

    @Test
    void wildcardInterfaceAndNetworkGroupExclude() {
        NatRule rule = source(20);
        assertEquals(InterfaceMatch.of("eth+"), rule.interfaceMatch());
        assertTrue(rule.interfaceMatch().matches("eth3"));
        assertEquals(NatTranslation.EXCLUDE, rule.translation());
        assertEquals(
                List.of(prefixRange("10.10.0.0/16"), prefixRange("10.11.0.0/16")),
                rule.match().destination().ranges());
    }

    @Test
    void negatedInterfacePrefixMapAndDisable() {
        NatRule rule = source(30);
        assertEquals(new InterfaceMatch(List.of("eth1"), true), rule.interfaceMatch());
        assertEquals(24, rule.translation().prefixMapLength());
        assertEquals(prefixRange("100.64.0.0/24"), rule.translation().addresses());
        assertTrue(rule.disabled());
    }

    @Test
    void portGroupOnADestinationRule() {
        NatRule rule = ROUTER.nat().destinationRules().get(0);
        assertTrue(rule.match().destinationPort().matches(443));
        assertTrue(rule.match().destinationPort().matches(8042));
        assertFalse(rule.match().destinationPort().matches(22));
    }

    @Test
    void nat66SourcePrefixMapsIntoAnotherPrefix() {
        NatRule rule = ROUTER.nat().sourceRules().stream()
                .filter(r -> r.path().startsWith("nat66"))
                .findFirst()
                .orElseThrow();
        assertTrue(rule.match().source().matches(ip("2001:db8:10::5")));
        assertFalse(rule.match().source().matches(ip("2001:db8:11::5")));
        assertEquals(64, rule.translation().prefixMapLength());
        assertEquals(prefixRange("2001:db8:ffff::/64"), rule.translation().addresses());
    }

    @Test
    void outboundInterfaceGroupOf14ResolvesToItsMembers() {
        MappedRouter mapped = map("r14.set", """
                set firewall group interface-group WAN interface 'eth0'
                set firewall group interface-group WAN interface 'pppoe0'
                set nat source rule 10 outbound-interface group '!WAN'
                set nat source rule 10 translation address 'masquerade'
                set nat source rule 20 outbound-interface name 'eth*'
                set nat source rule 20 translation address 'masquerade'
                """);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.INVALID_VALUE));
        NatRule notWan = mapped.router().nat().sourceRules().get(0);
        assertEquals(new InterfaceMatch(List.of("eth0", "pppoe0"), true), notWan.interfaceMatch());
        assertTrue(notWan.interfaceMatch().matches("eth1"));
        assertFalse(notWan.interfaceMatch().matches("pppoe0"));
        assertTrue(mapped.router().nat().sourceRules().get(1).interfaceMatch().matches("eth7"));
    }

    @Test
    void aLeafSetTwiceKeepsTheLastValueAsVyosDoes() {
        MappedRouter mapped = map("fix.set", """
                set nat source rule 10 outbound-interface 'eth0'
                set nat source rule 10 translation address '203.0.113.1'
                set nat source rule 10 translation address '203.0.113.2'
                """);
        assertEquals(
                ip("203.0.113.2").toSequentialRange(),
                mapped.router().nat().sourceRules().get(0).translation().addresses());
    }

    @Test
    void includedGroupsAreFlattenedAndAnEmptyGroupMatchesNothing() {
        MappedRouter mapped = map("r14.set", """
                set firewall group network-group BRANCHES network '10.1.0.0/16'
                set firewall group network-group ALL_SITES network '10.2.0.0/16'
                set firewall group network-group ALL_SITES include 'BRANCHES'
                set firewall group network-group NOBODY description 'filled in later'
                set firewall ipv4 forward filter rule 10 action 'drop'
                set firewall ipv4 forward filter rule 10 destination group network-group 'ALL_SITES'
                set firewall ipv4 forward filter rule 20 action 'drop'
                set firewall ipv4 forward filter rule 20 source group network-group 'NOBODY'
                """);
        var rules = mapped.router().firewall().ipv4().forward().rules();
        assertTrue(rules.get(0).match().destination().matches(ip("10.1.2.3")));
        assertTrue(rules.get(0).match().destination().matches(ip("10.2.2.3")));
        assertFalse(rules.get(0).match().destination().matches(ip("10.3.2.3")));
        assertFalse(rules.get(1).match().source().matches(ip("10.1.2.3")));
        assertFalse(rules.get(1).match().source().matches(ip("2001:db8::1")));
    }
}
