package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.oracle.Origin;

/**
 * The router's own connections under WAN load balancing on the kernel
 * (docs/semantics/wan-load-balancing.md#the-routers-own-connections): VyOS {@code enable-local-traffic} and EdgeOS {@code lb-local enable}, rendered by
 * {@link NftRenderer} as a {@code type route hook output} chain at the mangle priority that marks the connection
 * for the WAN the case names, so the kernel routes the packet again by that WAN's table (ip_route_me_harder). The
 * two-WAN topology of {@link TwoWanLoadBalancingCases}; the packets are the router's own GRE to the peer, which a
 * second tunnel of the peer selects ({@code 192.0.2.1/32 ↔ 203.0.113.20/32}, protocol gre), and an IKE-like UDP
 * packet from the tunnel's local address to the peer's port 500.
 * <ul>
 *   <li>balanced to eth2 with the SA down and its policies removed, the GRE packet is re-routed out of eth2 and
 *       translated to eth2's address by the balancer's own source NAT (VyOS) or by eth2's masquerade (VyOS
 *       {@code disable-source-nat}, EdgeOS): cleartext at wan2. With the SA up a real kernel re-routes it into the
 *       SA's bundle, whose device is eth0; the SA-up stand-in builds none, so those variants are
 *       {@link #saUpBundled()}, refused by {@link DifferentialRun#prepare};</li>
 *   <li>balanced to eth0, the balancer's source NAT keeps the address it had: encrypted;</li>
 *   <li>a VyOS {@code exclude} rule for the peer applies to the router's own connections whatever its
 *       {@code inbound-interface}: encrypted, at wan;</li>
 *   <li>the IKE-like packet leaves eth2 with eth2's address, which is not the peer's {@code remote-address}.</li>
 * </ul>
 */
final class OwnConnectionLoadBalancingCases {

    private static final String GRE_SELECTED = """
            set vpn ipsec site-to-site peer east tunnel 2 local prefix '192.0.2.1/32'
            set vpn ipsec site-to-site peer east tunnel 2 remote prefix '203.0.113.20/32'
            set vpn ipsec site-to-site peer east tunnel 2 protocol 'gre'
            set load-balancing wan enable-local-traffic
            """;

    private static final String VYOS = TwoWanLoadBalancingCases.VYOS + GRE_SELECTED;

    private static final String VYOS_MASQUERADE_ON_ETH2 =
            TwoWanLoadBalancingCases.VYOS_MASQUERADE_ON_ETH2 + GRE_SELECTED;

    private static final String VYOS_WITHOUT_SOURCE_NAT = VYOS + """
            set load-balancing wan disable-source-nat
            """;

    private static final String VYOS_PEER_EXCLUDED = VYOS + """
            set load-balancing wan rule 5 exclude
            set load-balancing wan rule 5 inbound-interface 'eth1'
            set load-balancing wan rule 5 destination address '203.0.113.20'
            """;

    private static final String EDGEOS = TwoWanLoadBalancingCases.EDGEOS + """
            set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 local prefix 192.0.2.1/32
            set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 remote prefix 203.0.113.20/32
            set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 protocol gre
            set load-balance group WLB lb-local enable
            """;

    /** Where each case's probe arrives, in the order of {@link #all()}. */
    static final List<Origin> ARRIVALS = List.of(
            Origin.WAN2, Origin.WAN, Origin.WAN, Origin.WAN2, Origin.WAN2, Origin.WAN2, Origin.WAN, Origin.WAN2);

    private OwnConnectionLoadBalancingCases() {}

    static List<DifferentialCase> all() {
        return List.of(
                vyos(
                        "own connections: the router's GRE balanced to eth2, the balancer's source NAT, SA down",
                        VYOS,
                        SaStates.allDown(),
                        gre().balancedTo("eth2")),
                vyos(
                        "own connections: the router's GRE balanced to eth0 keeps its address, SA up",
                        VYOS,
                        gre().balancedTo("eth0")),
                vyos(
                        "own connections: an exclude rule for the peer keeps the router's GRE on eth0, SA up",
                        VYOS_PEER_EXCLUDED,
                        gre().balancedTo("eth2")),
                vyos(
                        "own connections: the router's GRE balanced to eth2, eth2's masquerade, SA down",
                        VYOS_MASQUERADE_ON_ETH2,
                        SaStates.allDown(),
                        gre().balancedTo("eth2")),
                edgeos(
                        "own connections (EdgeOS lb-local): the router's GRE balanced to eth2, eth2's masquerade,"
                                + " SA down",
                        EDGEOS,
                        SaStates.allDown(),
                        gre().balancedTo("eth2")),
                vyos(
                        "own connections: the router's IKE-like packet balanced to eth2 leaves with eth2's address",
                        VYOS,
                        ike(40301).balancedTo("eth2")),
                vyos(
                        "own connections: an exclude rule for the peer keeps the router's IKE-like packet on eth0",
                        VYOS_PEER_EXCLUDED,
                        ike(40302).balancedTo("eth2")),
                vyos(
                        "own connections: without source NAT the router's GRE balanced to eth2 leaves eth2, SA down",
                        VYOS_WITHOUT_SOURCE_NAT,
                        SaStates.allDown(),
                        gre().balancedTo("eth2")));
    }

    /**
     * The SA-up variants of the GRE cases balanced to eth2: the model sends them through eth0's hooks (the bundle's
     * device; the balancer's own source NAT still translates by connection mark), the stand-in would show eth2's,
     * so {@link DifferentialRun#prepare} refuses them rather than compare.
     */
    static List<DifferentialCase> saUpBundled() {
        return List.of(
                vyos(
                        "own connections: the router's GRE balanced to eth2, the balancer's source NAT, SA up",
                        VYOS,
                        gre().balancedTo("eth2")),
                vyos(
                        "own connections: the router's GRE balanced to eth2, eth2's masquerade, SA up",
                        VYOS_MASQUERADE_ON_ETH2,
                        gre().balancedTo("eth2")),
                vyos(
                        "own connections: without source NAT the router's GRE balanced to eth2, SA up",
                        VYOS_WITHOUT_SOURCE_NAT,
                        gre().balancedTo("eth2")));
    }

    /** The router's own GRE to the peer, from the tunnel's local address. */
    private static ConcretePacket gre() {
        return ConcretePacket.of("192.0.2.1", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());
    }

    /** A UDP packet as charon sends IKE (to port 500); each case its own source port (conntrack). */
    private static ConcretePacket ike(int sourcePort) {
        return ConcretePacket.udp("192.0.2.1", sourcePort, "203.0.113.20", 500, Ingress.local());
    }

    private static DifferentialCase vyos(String name, String config, ConcretePacket packet) {
        return vyos(name, config, SaStates.allUp(), packet);
    }

    private static DifferentialCase vyos(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.VYOS_1_4, states, packet);
    }

    private static DifferentialCase edgeos(String name, String config, SaStates states, ConcretePacket packet) {
        return DifferentialCase.fromCommands(name, config, Dialect.EDGEOS, states, packet);
    }
}
