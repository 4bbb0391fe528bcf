package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.oracle.Origin;

/**
 * WAN load balancing between two uplinks on the kernel (docs/semantics/wan-load-balancing.md): the tunnel's WAN eth0
 * faces the wan namespace, the second WAN eth2 a namespace of its own (wan2, another ISP), where the oracle sees
 * whether a packet of the tunnel arrived and with which source address. Each case balances the tunnel's traffic to
 * one WAN ({@link ConcretePacket#balancedTo}), as the model's witness does; the marking, the WAN tables and the
 * load balancer's source NAT are rendered by {@link NftRenderer} and {@link RouteRenderer}.
 * <ul>
 *   <li>balanced to eth2 with the SA down and its policy removed, the tunnel's traffic is routed by eth2's table and
 *       translated by eth2's masquerade (VyOS with {@code disable-source-nat}, EdgeOS) or by the load balancer's
 *       own source NAT (VyOS): cleartext at wan2 with eth2's address. With the SA up a real kernel's bundle would
 *       make the hooks see eth0, which the SA-up stand-in cannot show: those variants are {@link #saUpBundled()},
 *       refused by {@link DifferentialRun#prepare};</li>
 *   <li>balanced to eth0 without the balancer's source NAT, the tunnel's exclude applies: encrypted;</li>
 *   <li>a VyOS {@code exclude} rule or an EdgeOS {@code modify table main} rule before the balancing rule keeps the
 *       connection unmarked whatever the balancer would choose: encrypted;</li>
 *   <li>with the SA down, eth2's table answers before main's blackhole: cleartext at wan2.</li>
 * </ul>
 */
final class TwoWanLoadBalancingCases {

    static final String VYOS = LoadBalancingCases.VYOS_SITE + """
            set interfaces ethernet eth2 address '198.51.100.1/24'
            set load-balancing wan interface-health eth0 nexthop '192.0.2.254'
            set load-balancing wan interface-health eth2 nexthop '198.51.100.254'
            set load-balancing wan rule 10 inbound-interface 'eth1'
            set load-balancing wan rule 10 interface eth0
            set load-balancing wan rule 10 interface eth2
            """;

    static final String VYOS_MASQUERADE_ON_ETH2 = VYOS + """
            set nat source rule 20 outbound-interface name 'eth2'
            set nat source rule 20 translation address 'masquerade'
            set load-balancing wan disable-source-nat
            """;

    static final String VYOS_EXCLUDED = VYOS_MASQUERADE_ON_ETH2 + """
            set load-balancing wan rule 5 exclude
            set load-balancing wan rule 5 inbound-interface 'eth1'
            set load-balancing wan rule 5 destination address '10.10.10.0/24'
            """;

    private static final String VYOS_BLACKHOLE_IN_MAIN = VYOS_MASQUERADE_ON_ETH2 + """
            set protocols static route 10.10.10.0/24 blackhole distance '254'
            """;

    /** The dual-WAN EdgeRouter of Ubiquiti's help article: one masquerade rule per WAN, the exclude on eth0 only. */
    static final String EDGEOS = """
            set interfaces ethernet eth0 address 192.0.2.1/24
            set interfaces ethernet eth1 address 192.168.10.1/24
            set interfaces ethernet eth1 firewall in modify BALANCE
            set interfaces ethernet eth2 address 198.51.100.1/24
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set firewall modify BALANCE rule 70 action modify
            set firewall modify BALANCE rule 70 modify lb-group WLB
            set load-balance group WLB interface eth0
            set load-balance group WLB interface eth2
            set service nat rule 5000 destination address 10.10.10.0/24
            set service nat rule 5000 exclude
            set service nat rule 5000 outbound-interface eth0
            set service nat rule 5000 type masquerade
            set service nat rule 5010 outbound-interface eth0
            set service nat rule 5010 type masquerade
            set service nat rule 5020 outbound-interface eth2
            set service nat rule 5020 type masquerade
            set vpn ipsec esp-group ESP mode tunnel
            set vpn ipsec site-to-site peer 203.0.113.20 authentication mode pre-shared-secret
            set vpn ipsec site-to-site peer 203.0.113.20 local-address 192.0.2.1
            set vpn ipsec site-to-site peer 203.0.113.20 default-esp-group ESP
            set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 local prefix 192.168.10.0/24
            set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 remote prefix 10.10.10.0/24
            """;

    static final String EDGEOS_EXEMPTED = EDGEOS + """
            set firewall modify BALANCE rule 10 action modify
            set firewall modify BALANCE rule 10 destination address 10.10.10.0/24
            set firewall modify BALANCE rule 10 modify table main
            """;

    /** Where each case's probe arrives, in the order of {@link #all()}: the namespace behind eth0 (WAN) or eth2. */
    static final List<Origin> ARRIVALS =
            List.of(Origin.WAN2, Origin.WAN2, Origin.WAN, Origin.WAN, Origin.WAN2, Origin.WAN2, Origin.WAN);

    private TwoWanLoadBalancingCases() {}

    static List<DifferentialCase> all() {
        return List.of(
                vyos(
                        "two WANs: balanced to eth2, eth2's masquerade translates the tunnel's traffic, SA down",
                        VYOS_MASQUERADE_ON_ETH2,
                        SaStates.allDown(),
                        toTunnel(40101).balancedTo("eth2")),
                vyos(
                        "two WANs: balanced to eth2, the balancer's own source NAT translates it, SA down",
                        VYOS,
                        SaStates.allDown(),
                        toTunnel(40102).balancedTo("eth2")),
                vyos(
                        "two WANs: balanced to eth0, the tunnel's exclude applies, SA up",
                        VYOS_MASQUERADE_ON_ETH2,
                        SaStates.allUp(),
                        toTunnel(40103).balancedTo("eth0")),
                vyos(
                        "two WANs: an exclude rule keeps it off the balancer that would choose eth2, SA up",
                        VYOS_EXCLUDED,
                        SaStates.allUp(),
                        toTunnel(40104).balancedTo("eth2")),
                vyos(
                        "two WANs: eth2's table answers before main's blackhole, SA down",
                        VYOS_BLACKHOLE_IN_MAIN,
                        SaStates.allDown(),
                        toTunnel(40105).balancedTo("eth2")),
                edgeos(
                        "two WANs (EdgeOS): lb-group balances to eth2, eth2's masquerade translates it, SA down",
                        EDGEOS,
                        SaStates.allDown(),
                        toTunnel(40106).balancedTo("eth2")),
                edgeos(
                        "two WANs (EdgeOS): modify table main before the lb-group rule keeps it on eth0, SA up",
                        EDGEOS_EXEMPTED,
                        SaStates.allUp(),
                        toTunnel(40107).balancedTo("eth2")));
    }

    /**
     * The SA-up variants of the eth2 cases: the model sends them through eth0's hooks (the bundle's device), the
     * stand-in would show eth2's, so {@link DifferentialRun#prepare} refuses them rather than compare.
     */
    static List<DifferentialCase> saUpBundled() {
        return List.of(
                vyos(
                        "two WANs: balanced to eth2, eth2's masquerade, SA up",
                        VYOS_MASQUERADE_ON_ETH2,
                        SaStates.allUp(),
                        toTunnel(40108).balancedTo("eth2")),
                edgeos(
                        "two WANs (EdgeOS): lb-group balances to eth2, eth2's masquerade, SA up",
                        EDGEOS,
                        SaStates.allUp(),
                        toTunnel(40109).balancedTo("eth2")));
    }

    /** A new connection from the LAN to the remote site; each case its own source port (conntrack). */
    private static ConcretePacket toTunnel(int sourcePort) {
        return ConcretePacket.udp("192.168.10.100", sourcePort, "10.10.10.200", 5555, Ingress.onInterface("eth1"));
    }

    private static DifferentialCase vyos(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.VYOS_1_4, states, packet);
    }

    private static DifferentialCase edgeos(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.EDGEOS, states, packet);
    }
}
