package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.ZoneChains;

/** Zone policies in the chain shape of docs/semantics/zones.md, before and from 1.4. */
class ZoneMappingTest {

    private static final String LEGACY = """
            set firewall name WAN-LAN default-action 'drop'
            set firewall name WAN-LAN rule 10 action 'accept'
            set firewall name WAN-LAN rule 10 state established 'enable'
            set firewall name WAN-LOCAL default-action 'drop'
            set firewall name LOCAL-WAN default-action 'accept'
            set firewall ipv6-name WAN6-LAN default-action 'drop'
            set interfaces ethernet eth0 address '203.0.113.1/24'
            set interfaces ethernet eth0 firewall in name 'WAN-LAN'
            set interfaces ethernet eth1 address '192.168.1.1/24'
            set zone-policy zone LAN default-action 'reject'
            set zone-policy zone LAN from WAN firewall name 'WAN-LAN'
            set zone-policy zone LAN from WAN firewall ipv6-name 'WAN6-LAN'
            set zone-policy zone LAN interface 'eth1'
            set zone-policy zone LAN interface 'eth2'
            set zone-policy zone LOCAL local-zone
            set zone-policy zone LOCAL from WAN firewall name 'WAN-LOCAL'
            set zone-policy zone WAN from LOCAL firewall name 'LOCAL-WAN'
            set zone-policy zone WAN interface 'eth0'
            """;

    @Test
    void legacyZonesAreJumpsAfterTheAttachmentsInTheHookChains() {
        MappedRouter mapped = map("r13.set", LEGACY, org.vpnlint.model.Dialect.VYOS_1_3);
        FirewallFamily v4 = mapped.router().firewall().ipv4();

        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        List<FirewallRule> forward = v4.forward().rules();
        assertEquals(3, forward.size());
        assertEquals("WAN-LAN", forward.get(0).jumpTarget()); // the in attachment first
        assertEquals(ZoneChains.into("LAN"), forward.get(1).jumpTarget());
        assertEquals(
                new InterfaceMatch(List.of("eth1", "eth2"), false),
                forward.get(1).outbound());
        assertEquals(ZoneChains.into("WAN"), forward.get(2).jumpTarget());
        assertEquals(ZoneChains.toRouter("LOCAL"), v4.input().rules().get(0).jumpTarget());
        assertEquals(ZoneChains.fromRouter("LOCAL"), v4.output().rules().get(0).jumpTarget());
        assertTrue(v4.zoneForward().rules().isEmpty(), "before 1.4 there is no second base chain");
    }

    @Test
    void aZoneChainPassesItsOwnTrafficFiltersEachFromZoneAndEndsInTheDefault() {
        MappedRouter mapped = map("r13.set", LEGACY, org.vpnlint.model.Dialect.VYOS_1_3);
        FirewallChain lan = mapped.router().firewall().ipv4().named().get(ZoneChains.into("LAN"));

        assertEquals(FirewallAction.REJECT, lan.defaultAction());
        assertEquals(
                List.of(FirewallAction.RETURN, FirewallAction.JUMP, FirewallAction.RETURN),
                lan.rules().stream().map(FirewallRule::action).toList());
        assertEquals(
                new InterfaceMatch(List.of("eth1", "eth2"), false),
                lan.rules().get(0).inbound());
        assertEquals("WAN-LAN", lan.rules().get(1).jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), lan.rules().get(1).inbound());
        FirewallChain lan6 = mapped.router().firewall().ipv6().named().get(ZoneChains.into("LAN"));
        assertEquals("WAN6-LAN", lan6.rules().get(1).jumpTarget());
    }

    @Test
    void theLocalZoneFiltersInputByFromZoneAndOutputByDestinationZone() {
        MappedRouter mapped = map("r13.set", LEGACY, org.vpnlint.model.Dialect.VYOS_1_3);
        FirewallFamily v4 = mapped.router().firewall().ipv4();
        FirewallChain in = v4.named().get(ZoneChains.toRouter("LOCAL"));
        FirewallChain out = v4.named().get(ZoneChains.fromRouter("LOCAL"));

        assertEquals(InterfaceMatch.of("lo"), in.rules().get(0).inbound());
        assertEquals("WAN-LOCAL", in.rules().get(1).jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), in.rules().get(1).inbound());
        assertEquals(InterfaceMatch.of("lo"), out.rules().get(0).outbound());
        assertEquals("LOCAL-WAN", out.rules().get(1).jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), out.rules().get(1).outbound());
        assertEquals(FirewallAction.DROP, out.defaultAction());
    }

    @Test
    void legacyOutputIsHookedOnlyOnceAZoneFiltersTrafficFromTheLocalZone() {
        MappedRouter mapped = map("r13.set", """
                set firewall name WAN-LOCAL default-action 'drop'
                set interfaces ethernet eth0 address '203.0.113.1/24'
                set zone-policy zone LOCAL local-zone
                set zone-policy zone LOCAL from WAN firewall name 'WAN-LOCAL'
                set zone-policy zone WAN interface 'eth0'
                """, org.vpnlint.model.Dialect.VYOS_1_3);

        assertTrue(mapped.router().firewall().ipv4().output().rules().isEmpty());
    }

    @Test
    void from14TheZonesAreASecondBaseChainAndOutputIsAlwaysHooked() {
        MappedRouter mapped = map("r14.set", """
                set firewall ipv4 forward filter default-action 'accept'
                set firewall ipv4 name WAN-LOCAL default-action 'drop'
                set firewall ipv4 name LAN-WAN default-action 'accept'
                set firewall zone LAN member interface 'eth1'
                set firewall zone LAN intra-zone-filtering action 'drop'
                set firewall zone LOCAL local-zone
                set firewall zone LOCAL from WAN firewall name 'WAN-LOCAL'
                set firewall zone WAN interface 'eth0'
                set firewall zone WAN from LAN firewall name 'LAN-WAN'
                set interfaces ethernet eth0 address '203.0.113.1/24'
                set interfaces ethernet eth1 address '192.168.1.1/24'
                """, org.vpnlint.model.Dialect.VYOS_1_4);
        FirewallFamily v4 = mapped.router().firewall().ipv4();

        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertTrue(v4.forward().rules().isEmpty(), "the forward filter is the user's own");
        assertEquals(
                List.of(ZoneChains.into("LAN"), ZoneChains.into("WAN")),
                v4.zoneForward().rules().stream().map(FirewallRule::jumpTarget).toList());
        assertEquals(ZoneChains.toRouter("LOCAL"), v4.zoneInput().rules().get(0).jumpTarget());
        assertEquals(
                ZoneChains.fromRouter("LOCAL"), v4.zoneOutput().rules().get(0).jumpTarget());
        FirewallChain lan = v4.named().get(ZoneChains.into("LAN"));
        assertEquals(FirewallAction.DROP, lan.rules().get(0).action());
        assertEquals(InterfaceMatch.of("eth1"), lan.rules().get(0).inbound());
    }

    @Test
    void aMissingRulesetOrZoneIsReportedAndLeftOut() {
        MappedRouter mapped = map("r14.set", """
                set firewall zone LAN interface 'eth1'
                set firewall zone LAN from WAN firewall name 'NOPE'
                set firewall zone LAN from DMZ firewall name 'NOPE'
                set firewall zone WAN interface 'eth0'
                set interfaces ethernet eth0 address '203.0.113.1/24'
                """, org.vpnlint.model.Dialect.VYOS_1_4);

        assertEquals(
                List.of(
                        "'firewall zone LAN from DMZ' names no configured zone; vpnlint ignores it",
                        "firewall zone LAN from WAN firewall name 'NOPE': no such ruleset; the zone is read without it"),
                messages(mapped, DiagnosticCodes.INVALID_VALUE).stream()
                        .sorted()
                        .toList());
        assertEquals(
                1,
                mapped.router()
                        .firewall()
                        .ipv4()
                        .named()
                        .get(ZoneChains.into("LAN"))
                        .rules()
                        .size());
    }
}
