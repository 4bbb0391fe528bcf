package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;
import static org.vpnlint.parser.dialect.Mapping.prefixRange;
import static org.vpnlint.parser.dialect.Mapping.range;

import inet.ipaddr.IPAddressSeqRange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallRule;

/**
 * EdgeOS's built-in {@code ADDRv4_<interface>} and {@code NETv4_<interface>} groups (docs/semantics/
 * edgeos-builtin-groups.md): read from the interface's addresses, exact only when the file fixes them, and never an
 * "invalid-value" warning in EdgeOS; VyOS has no such groups.
 */
class EdgeosInterfaceGroupsMappingTest {

    private static final String INTERFACES = """
            interfaces {
                ethernet eth0 {
                    address dhcp
                }
                ethernet eth1 {
                    address 192.168.0.1/24
                    address 192.168.1.1/24
                }
                ethernet eth2 {
                    address 198.51.100.1/24
                }
                ethernet eth3 {
                    pppoe 0 {
                        user-id someone
                    }
                }
                ethernet eth4 {
                }
            }
            """;

    /** One ruleset, one rule per reference, in order. */
    private static MappedRouter edgeos(String groupDefinitions, String... references) {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < references.length; i++) {
            rules.append("        rule ")
                    .append(10 * (i + 1))
                    .append(" {\n")
                    .append("            action drop\n")
                    .append("            destination {\n")
                    .append("                group {\n")
                    .append("                    address-group ")
                    .append(references[i])
                    .append('\n')
                    .append("                }\n")
                    .append("            }\n")
                    .append("        }\n");
        }
        String text = "firewall {\n" + groupDefinitions + "    name LAN_IN {\n        default-action accept\n" + rules
                + "    }\n}\n" + INTERFACES;
        return map("groups.boot", text, Dialect.EDGEOS);
    }

    private static List<FirewallRule> rules(MappedRouter mapped) {
        return mapped.router().firewall().ipv4().named().get("LAN_IN").rules();
    }

    private static List<String> described(FirewallRule rule) {
        return rule.approximations().stream()
                .map(a -> a.direction() + " " + a.reason())
                .toList();
    }

    @Test
    void oneStaticAddressIsReadExactly() {
        MappedRouter mapped = edgeos("", "ADDRv4_eth2", "NETv4_eth2", "!ADDRv4_eth2");
        List<FirewallRule> rules = rules(mapped);

        assertEquals(
                new AddressMatch(List.of(range("198.51.100.1", "198.51.100.1")), false, "address-group ADDRv4_eth2"),
                rules.get(0).match().destination());
        assertEquals(
                new AddressMatch(List.of(prefixRange("198.51.100.0/24")), false, "address-group NETv4_eth2"),
                rules.get(1).match().destination());
        assertEquals(
                new AddressMatch(List.of(range("198.51.100.1", "198.51.100.1")), true, "address-group !ADDRv4_eth2"),
                rules.get(2).match().destination());
        rules.forEach(rule -> assertEquals(List.of(), rule.approximations(), rule.path()));
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.INVALID_VALUE));
    }

    @Test
    void severalAddressesAreReadAsAllOfThemWiderAndNegatedNarrower() {
        List<FirewallRule> rules = rules(edgeos("", "NETv4_eth1", "!NETv4_eth1", "ADDRv4_eth1"));

        List<IPAddressSeqRange> networks = List.of(prefixRange("192.168.0.0/24"), prefixRange("192.168.1.0/24"));
        assertEquals(
                new AddressMatch(networks, false, "address-group NETv4_eth1"),
                rules.get(0).match().destination());
        // the set may hold fewer networks: "in it" is read wider, "not in it" narrower
        assertEquals(
                List.of("WIDER 'firewall name LAN_IN rule 10 destination group address-group NETv4_eth1': EdgeOS fills"
                        + " NETv4_eth1 at run time from eth1's IPv4 networks; read as all 2 the file gives it, though"
                        + " it may hold fewer"),
                described(rules.get(0)));
        assertEquals(
                new AddressMatch(networks, true, "address-group !NETv4_eth1"),
                rules.get(1).match().destination());
        assertTrue(rules.get(1).approximations().get(0).narrower());
        assertEquals(
                new AddressMatch(
                        List.of(range("192.168.0.1", "192.168.0.1"), range("192.168.1.1", "192.168.1.1")),
                        false,
                        "address-group ADDRv4_eth1"),
                rules.get(2).match().destination());
        assertTrue(rules.get(2).approximations().get(0).wider());
    }

    @Test
    void addressesTheFileDoesNotFixAreReadAsAnyAddressWiderNegatedOrNot() {
        MappedRouter mapped =
                edgeos("", "ADDRv4_eth0", "!ADDRv4_eth0", "ADDRv4_pppoe0", "NETv4_eth4", "ADDRv4_eth9", "NETv4_eth0");
        List<FirewallRule> rules = rules(mapped);

        rules.forEach(rule -> assertEquals(AddressMatch.ANY, rule.match().destination(), rule.path()));
        rules.forEach(rule -> assertEquals(1, rule.approximations().size(), rule.path()));
        rules.forEach(rule -> assertTrue(rule.approximations().get(0).wider(), rule.path()));
        assertEquals(
                "WIDER 'firewall name LAN_IN rule 10 destination group address-group ADDRv4_eth0': EdgeOS fills"
                        + " ADDRv4_eth0 at run time from eth0's IPv4 addresses, which this file does not fix (dhcp);"
                        + " read as any address",
                described(rules.get(0)).get(0));
        assertTrue(described(rules.get(2)).get(0).contains("which this file does not fix (pppoe)"));
        assertTrue(described(rules.get(3)).get(0).contains("this file gives eth4 no IPv4 address"));
        assertTrue(described(rules.get(4)).get(0).contains("this file does not show eth9"));
        // notes about the input, not a warning that the group does not exist
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.INVALID_VALUE));
    }

    @Test
    void aGroupTheFileDefinesWinsOverTheBuiltInOne() {
        List<FirewallRule> rules = rules(edgeos("""
                    group {
                        address-group ADDRv4_eth2 {
                            address 10.1.1.1
                        }
                    }
                """, "ADDRv4_eth2"));

        assertEquals(
                new AddressMatch(List.of(range("10.1.1.1", "10.1.1.1")), false, "address-group ADDRv4_eth2"),
                rules.get(0).match().destination());
        assertEquals(List.of(), rules.get(0).approximations());
    }

    @Test
    void otherNamesAndIpv6NamesStayUndefined() {
        MappedRouter mapped = edgeos("", "ADDRv6_eth2", "LAN_HOSTS");

        assertEquals(
                List.of(
                        "firewall name LAN_IN rule 10 destination group address-group 'ADDRv6_eth2': no such"
                                + " address-group; the rule is read as matching any address",
                        "firewall name LAN_IN rule 20 destination group address-group 'LAN_HOSTS': no such"
                                + " address-group; the rule is read as matching any address"),
                messages(mapped, DiagnosticCodes.INVALID_VALUE));
    }

    @Test
    void vyosHasNoBuiltInGroups() {
        MappedRouter mapped = map("r13.set", """
                set firewall name LAN_IN default-action 'accept'
                set firewall name LAN_IN rule 10 action 'drop'
                set firewall name LAN_IN rule 10 destination group address-group 'ADDRv4_eth0'
                set interfaces ethernet eth0 address '192.0.2.1/24'
                set interfaces ethernet eth0 firewall in name 'LAN_IN'
                """, Dialect.VYOS_1_3);

        assertEquals(
                List.of("firewall name LAN_IN rule 10 destination group address-group 'ADDRv4_eth0': no such"
                        + " address-group; the rule is read as matching any address"),
                messages(mapped, DiagnosticCodes.INVALID_VALUE));
        FirewallRule rule =
                mapped.router().firewall().ipv4().named().get("LAN_IN").rules().get(0);
        assertEquals(AddressMatch.ANY, rule.match().destination());
        assertTrue(rule.approximations().get(0).wider());
    }
}
