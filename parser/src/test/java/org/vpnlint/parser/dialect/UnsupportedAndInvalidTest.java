package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;
import static org.vpnlint.parser.dialect.Mapping.withCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;

/** What the mappers say about nodes and values they cannot use; they never throw. */
class UnsupportedAndInvalidTest {

    @Test
    void anUnparsableTranslationAddressIsNamedWithItsPathAndLocation() {
        MappedRouter mapped = map("r.set", """
                set nat source rule 10 outbound-interface 'eth0'
                set nat source rule 10 translation address '10.0.0.300'
                """);
        Diagnostic warning = withCode(mapped, DiagnosticCodes.INVALID_VALUE).get(0);
        assertEquals(Level.WARNING, warning.level());
        assertEquals(
                "nat source rule 10 translation address '10.0.0.300': not an IPv4 or IPv6 address, range or prefix",
                warning.message());
        assertEquals(2, warning.location().line());
        assertEquals(List.of(), mapped.router().nat().sourceRules());
        assertEquals(1, withCode(mapped, DiagnosticCodes.INVALID_VALUE).size(), "one problem, one message");
    }

    @Test
    void anUnparsableInterfaceAddressIsLeftOutAndTheOtherKept() {
        MappedRouter mapped = map("r.set", """
                set interfaces ethernet eth0 address '10.0.0.300/24'
                set interfaces ethernet eth0 address '10.0.0.3/24'
                """);
        assertEquals(
                List.of(ip("10.0.0.3/24")),
                mapped.router().findInterface("eth0").orElseThrow().addresses());
        assertEquals(
                List.of(
                        "interfaces ethernet eth0 address '10.0.0.300/24': not an IPv4 or IPv6 address with a prefix length"),
                messages(mapped, DiagnosticCodes.INVALID_VALUE));
    }

    @Test
    void unknownNodesInsideAnalysedFamiliesAreNotesNamingThePath() {
        MappedRouter mapped = map("r.set", """
                set nat source rule 10 outbound-interface name 'eth0'
                set nat source rule 10 packet-type 'host'
                set nat source rule 10 translation address 'masquerade'
                set firewall ipv4 forward filter rule 5 action 'accept'
                set firewall ipv4 forward filter rule 5 limit rate '5/minute'
                """);
        assertEquals(
                List.of(
                        "'nat source rule 10 packet-type' is not supported by vpnlint and was ignored",
                        "'firewall ipv4 forward filter rule 5 limit' is not supported by vpnlint and was ignored"),
                messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertEquals(1, mapped.router().nat().sourceRules().size());
    }

    @Test
    void deliberatelyIgnoredFamiliesGetOneNoteEachNotOnePerNode() {
        MappedRouter mapped = map("r.set", """
                set protocols bgp system-as '65000'
                set protocols bgp neighbor 192.0.2.1 remote-as '65001'
                set protocols bgp neighbor 192.0.2.2 remote-as '65002'
                set protocols ospf area 0 network '10.0.0.0/8'
                set system host-name 'r1'
                set system ntp server 'pool.ntp.org'
                set policy route-map RM rule 10 action 'permit'
                """);
        assertEquals(
                List.of(
                        "'protocols bgp' is not analysed by vpnlint",
                        "'protocols ospf' is not analysed by vpnlint",
                        "'system' is not analysed by vpnlint",
                        "'policy route-map' is not analysed by vpnlint"),
                messages(mapped, DiagnosticCodes.NOT_ANALYSED));
    }

    @Test
    void zonePolicyIn14AndUnknownTopLevelNodesAreUnsupported() {
        MappedRouter mapped = map("r.set", """
                set zone-policy zone LAN interface 'eth1'
                set frobnicate level '11'
                """, Dialect.VYOS_1_4);
        List<String> notes = messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX);
        assertEquals(2, notes.size());
        assertTrue(notes.get(0).startsWith("'zone-policy' is pre-1.4 syntax"), notes.get(0));
        assertEquals("'frobnicate' is not supported by vpnlint and was ignored", notes.get(1));
    }

    @Test
    void aReferenceToAMissingGroupIsReportedAndTheRuleKept() {
        MappedRouter mapped = map("r.set", """
                set nat source rule 10 outbound-interface name 'eth0'
                set nat source rule 10 source group network-group 'NOPE'
                set nat source rule 10 translation address 'masquerade'
                """);
        assertEquals(
                List.of("nat source rule 10 source group network-group 'NOPE': no such network-group;"
                        + " the rule is read as matching any address"),
                messages(mapped, DiagnosticCodes.INVALID_VALUE));
        assertTrue(mapped.router().nat().sourceRules().get(0).match().source().isAny());
    }

    @Test
    void aRuleNumberThatIsNotANumber() {
        MappedRouter mapped = map("r.set", """
                set nat source rule ten outbound-interface name 'eth0'
                set nat source rule ten translation address 'masquerade'
                """);
        assertEquals(List.of("nat source rule 'ten': not a number"), messages(mapped, DiagnosticCodes.INVALID_VALUE));
        assertEquals(List.of(), mapped.router().nat().sourceRules());
    }

    @Test
    void anEmptyFileMapsToAnEmptyRouterNamedAfterTheFile() {
        MappedRouter mapped = map("configs/branch-7.conf", "");
        assertEquals("branch-7", mapped.router().name());
        assertEquals(List.of(), mapped.router().interfaces());
    }
}
