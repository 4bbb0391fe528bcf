package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;

/**
 * A VyOS 1.4 zone firewall (docs/semantics/zones.md) against the kernel: the forward filter (priority 0) and the zone
 * chains (priority 1) both see each forwarded packet, so the filter's accept does not end the hook and its drop
 * is final; a zone's ruleset decides traffic from the other zone, its return falls to the zone chain's return
 * (accept), and the ruleset's default action or the zone's own decides the rest.
 */
final class ZoneCases {

    static final String CONFIG = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set firewall ipv4 forward filter rule 5 action 'drop'
            set firewall ipv4 forward filter rule 5 destination address '10.20.0.7'
            set firewall ipv4 forward filter rule 10 action 'accept'
            set firewall ipv4 forward filter rule 10 protocol 'udp'
            set firewall ipv4 name LAN-WAN default-action 'drop'
            set firewall ipv4 name LAN-WAN rule 10 action 'accept'
            set firewall ipv4 name LAN-WAN rule 10 destination port '5555'
            set firewall ipv4 name LAN-WAN rule 10 protocol 'udp'
            set firewall ipv4 name LAN-WAN rule 20 action 'return'
            set firewall ipv4 name LAN-WAN rule 20 destination port '6666'
            set firewall ipv4 name LAN-WAN rule 20 protocol 'udp'
            set firewall ipv4 name WAN-LAN default-action 'drop'
            set firewall ipv4 name WAN-LAN rule 10 action 'accept'
            set firewall ipv4 name WAN-LAN rule 10 destination address '192.168.10.100'
            set firewall zone LAN default-action 'drop'
            set firewall zone LAN from WAN firewall name 'WAN-LAN'
            set firewall zone LAN interface 'eth1'
            set firewall zone WAN default-action 'drop'
            set firewall zone WAN from LAN firewall name 'LAN-WAN'
            set firewall zone WAN interface 'eth0'
            """;

    /**
     * Before 1.4 (vyatta-zone): the zone jumps follow the interface attachments in the one FORWARD chain, and a
     * ruleset's accept is a return, so the zone still decides what the {@code in} ruleset accepted.
     */
    static final String LEGACY_CONFIG = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth0 firewall in name 'WAN_IN'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set firewall name WAN_IN default-action 'accept'
            set firewall name WAN_IN rule 10 action 'drop'
            set firewall name WAN_IN rule 10 destination port '7777'
            set firewall name WAN_IN rule 10 protocol 'udp'
            set firewall name WAN_LAN default-action 'drop'
            set firewall name WAN_LAN rule 10 action 'accept'
            set firewall name WAN_LAN rule 10 destination address '192.168.10.100'
            set zone-policy zone LAN default-action 'drop'
            set zone-policy zone LAN from WAN firewall name 'WAN_LAN'
            set zone-policy zone LAN interface 'eth1'
            set zone-policy zone WAN default-action 'drop'
            set zone-policy zone WAN interface 'eth0'
            """;

    private ZoneCases() {}

    static List<DifferentialCase> all() {
        Router router = ConfigText.read("zones.set", CONFIG, Dialect.VYOS_1_4);
        return List.of(
                zoneCase(
                        router,
                        "LAN to WAN, the ruleset accepts",
                        ConcretePacket.udp("192.168.10.100", 40001, "203.0.113.20", 5555, Ingress.onInterface("eth1"))),
                zoneCase(
                        router,
                        "LAN to WAN, the forward filter accepts but the ruleset's default drops",
                        ConcretePacket.udp("192.168.10.100", 40002, "203.0.113.20", 7777, Ingress.onInterface("eth1"))),
                zoneCase(
                        router,
                        "LAN to WAN, the ruleset returns and the zone chain returns (accept)",
                        ConcretePacket.udp("192.168.10.100", 40003, "203.0.113.20", 6666, Ingress.onInterface("eth1"))),
                zoneCase(
                        router,
                        "LAN to WAN, the forward filter drops what the zone would accept",
                        ConcretePacket.udp("192.168.10.100", 40004, "10.20.0.7", 5555, Ingress.onInterface("eth1"))),
                zoneCase(
                        router,
                        "WAN to LAN, the ruleset accepts",
                        ConcretePacket.udp("10.10.10.200", 40005, "192.168.10.100", 5555, Ingress.onInterface("eth0"))),
                zoneCase(
                        router,
                        "WAN to LAN, the ruleset's default drops",
                        ConcretePacket.udp("10.10.10.200", 40006, "192.168.10.45", 5555, Ingress.onInterface("eth0"))),
                legacyCase(
                        "1.3: WAN to LAN, the in ruleset and the zone's ruleset accept",
                        ConcretePacket.udp("10.10.10.200", 40007, "192.168.10.100", 5555, Ingress.onInterface("eth0"))),
                legacyCase(
                        "1.3: WAN to LAN, the in ruleset accepts (returns) and the zone's ruleset drops",
                        ConcretePacket.udp("10.10.10.200", 40008, "192.168.10.45", 5555, Ingress.onInterface("eth0"))),
                legacyCase(
                        "1.3: WAN to LAN, the in ruleset drops what the zone would accept",
                        ConcretePacket.udp(
                                "10.10.10.200", 40009, "192.168.10.100", 7777, Ingress.onInterface("eth0"))));
    }

    private static DifferentialCase legacyCase(String what, ConcretePacket packet) {
        Router router = ConfigText.read("zones-1.3.set", LEGACY_CONFIG, Dialect.VYOS_1_3);
        return new DifferentialCase("zones: " + what, LEGACY_CONFIG, router, SaStates.allUp(), packet, 0);
    }

    private static DifferentialCase zoneCase(Router router, String what, ConcretePacket packet) {
        return new DifferentialCase("zones: " + what, CONFIG, router, SaStates.allUp(), packet, 0);
    }
}
