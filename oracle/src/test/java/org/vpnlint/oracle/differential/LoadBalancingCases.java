package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;

/**
 * WAN load balancing on the kernel (docs/semantics/wan-load-balancing.md), rendered as VyOS's load balancer installs
 * it: the connection mark and packet mark 0xc9 in mangle PREROUTING, {@code ip rule fwmark 0xc9 table 201} before
 * table 220, table 201's default route, and its source NAT by connection mark in a NAT chain at {@code srcnat - 1}.
 * The oracle has one WAN, so each case balances among that one and isolates one fact:
 * <ul>
 *   <li>the load balancer's source NAT runs ahead of VyOS's NAT chain, so the tunnel's exclude is never reached and
 *       the packet leaves in cleartext with the SA up;</li>
 *   <li>with {@code disable-source-nat}, or an {@code exclude} rule for the remote prefix, it is encrypted;</li>
 *   <li>with the SA down, the WAN's table answers before the main table's blackhole route.</li>
 * </ul>
 */
final class LoadBalancingCases {

    /**
     * The VyOS site every load-balancing case starts from: WAN eth0, LAN eth1, the tunnel 192.168.10.0/24 ↔
     * 10.10.10.0/24 to 203.0.113.20, masquerade on eth0 with the tunnel's exclude before it.
     */
    static final String VYOS_SITE = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set vpn ipsec esp-group ESP mode 'tunnel'
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer east local-address '192.0.2.1'
            set vpn ipsec site-to-site peer east default-esp-group 'ESP'
            set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'
            set nat source rule 5 destination address '10.10.10.0/24'
            set nat source rule 5 exclude
            set nat source rule 5 outbound-interface name 'eth0'
            set nat source rule 10 outbound-interface name 'eth0'
            set nat source rule 10 translation address 'masquerade'
            """;

    private static final String BASE = VYOS_SITE + """
            set load-balancing wan interface-health eth0 nexthop '192.0.2.254'
            set load-balancing wan rule 10 inbound-interface 'eth1'
            set load-balancing wan rule 10 interface eth0
            """;

    private static final String WITHOUT_SOURCE_NAT = BASE + """
            set load-balancing wan disable-source-nat
            """;

    private static final String EXCLUDED = BASE + """
            set load-balancing wan rule 5 exclude
            set load-balancing wan rule 5 inbound-interface 'eth1'
            set load-balancing wan rule 5 destination address '10.10.10.0/24'
            """;

    private static final String BLACKHOLE_IN_MAIN = WITHOUT_SOURCE_NAT + """
            set protocols static route 10.10.10.0/24 blackhole distance '254'
            """;

    private LoadBalancingCases() {}

    static List<DifferentialCase> all() {
        ConcretePacket toTunnel =
                ConcretePacket.udp("192.168.10.100", 40011, "10.10.10.200", 5555, Ingress.onInterface("eth1"));
        return List.of(
                balancingCase(
                        "load balancing: its source NAT runs ahead of the tunnel's exclude, SA up",
                        BASE,
                        SaStates.allUp(),
                        toTunnel),
                balancingCase(
                        "load balancing: disable-source-nat leaves the tunnel's traffic to the exclude, SA up",
                        WITHOUT_SOURCE_NAT,
                        SaStates.allUp(),
                        toTunnel),
                balancingCase(
                        "load balancing: an exclude rule for the remote prefix keeps it unmarked, SA up",
                        EXCLUDED,
                        SaStates.allUp(),
                        toTunnel),
                balancingCase(
                        "load balancing: the WAN's table answers before main's blackhole, SA down",
                        BLACKHOLE_IN_MAIN,
                        SaStates.allDown(),
                        toTunnel));
    }

    private static DifferentialCase balancingCase(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.VYOS_1_4, states, packet);
    }
}
