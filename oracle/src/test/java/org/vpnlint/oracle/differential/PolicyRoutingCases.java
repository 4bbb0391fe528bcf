package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;

/**
 * Policy routing on the kernel (docs/semantics/policy-routing.md): VyOS 1.4's mangle PREROUTING marks, its
 * {@code ip rule pref N fwmark 0x7fffffff-N table N}, and table N's routes, against strongSwan's table 220 at pref
 * 220 and main. Each case isolates one fact the model encodes:
 * <ul>
 *   <li>a marked packet whose table has no route for it falls through to the next rule (main);</li>
 *   <li>the marked table is consulted before main (a blackhole there wins over main's default route);</li>
 *   <li>the marked table (pref 10) is consulted before table 220, even with the SA up;</li>
 *   <li>{@code set table main} ends the ruleset and leaves the packet to table 220;</li>
 *   <li>{@code action drop} drops in PREROUTING; the rules see the input interface and the header.</li>
 * </ul>
 */
final class PolicyRoutingCases {

    private static final String BASE = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            """;

    private static final String TUNNEL = """
            set vpn ipsec esp-group ESP mode 'tunnel'
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer east local-address '192.0.2.1'
            set vpn ipsec site-to-site peer east default-esp-group 'ESP'
            set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'
            """;

    private static final String FALL_THROUGH = BASE + """
            set policy route LAN interface 'eth1'
            set policy route LAN rule 10 set table '10'
            set protocols static table 10 route 172.16.0.0/12 next-hop 192.0.2.254
            """;

    private static final String TABLE_BEFORE_MAIN = BASE + """
            set policy route LAN interface 'eth1'
            set policy route LAN rule 10 source address '192.168.10.0/24'
            set policy route LAN rule 10 set table '10'
            set protocols static table 10 route 10.20.0.0/16 blackhole
            """;

    private static final String TABLE_BEFORE_220 = BASE + TUNNEL + """
            set policy route LAN interface 'eth1'
            set policy route LAN rule 10 set table '10'
            set protocols static table 10 route 10.10.10.0/24 blackhole
            """;

    private static final String MAIN_EXEMPTION = TABLE_BEFORE_220 + """
            set policy route LAN rule 5 destination address '10.10.10.0/24'
            set policy route LAN rule 5 set table 'main'
            """;

    private static final String DROP_BY_PORT = BASE + """
            set policy route LAN interface 'eth1'
            set policy route LAN rule 10 protocol 'udp'
            set policy route LAN rule 10 destination port '5555'
            set policy route LAN rule 10 action 'drop'
            """;

    private static final String BOUND_ELSEWHERE = BASE + """
            set policy route WAN interface 'eth0'
            set policy route WAN rule 10 set table '10'
            set protocols static table 10 route 10.20.0.0/16 blackhole
            """;

    private PolicyRoutingCases() {}

    static List<DifferentialCase> all() {
        ConcretePacket toInternet =
                ConcretePacket.udp("192.168.10.100", 40001, "10.20.0.7", 5555, Ingress.onInterface("eth1"));
        ConcretePacket otherPort =
                ConcretePacket.udp("192.168.10.100", 40002, "10.20.0.7", 5556, Ingress.onInterface("eth1"));
        ConcretePacket toTunnel =
                ConcretePacket.udp("192.168.10.100", 40003, "10.10.10.200", 5555, Ingress.onInterface("eth1"));
        return List.of(
                policyCase(
                        "policy routing: marked for a table without a route, falls through to main",
                        FALL_THROUGH,
                        SaStates.allUp(),
                        toInternet),
                policyCase(
                        "policy routing: the marked table is looked up before main",
                        TABLE_BEFORE_MAIN,
                        SaStates.allUp(),
                        toInternet),
                policyCase(
                        "policy routing: the marked table (pref 10) is looked up before table 220, SA up",
                        TABLE_BEFORE_220,
                        SaStates.allUp(),
                        toTunnel),
                policyCase(
                        "policy routing: set table main leaves the tunnel's traffic to table 220, SA up",
                        MAIN_EXEMPTION,
                        SaStates.allUp(),
                        toTunnel),
                policyCase(
                        "policy routing: action drop in mangle PREROUTING", DROP_BY_PORT, SaStates.allUp(), toInternet),
                policyCase(
                        "policy routing: action drop spares another port", DROP_BY_PORT, SaStates.allUp(), otherPort),
                policyCase(
                        "policy routing: a ruleset bound to another interface does not see the packet",
                        BOUND_ELSEWHERE,
                        SaStates.allUp(),
                        toInternet));
    }

    private static DifferentialCase policyCase(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.VYOS_1_4, states, packet);
    }
}
