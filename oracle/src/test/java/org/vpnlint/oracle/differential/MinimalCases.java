package org.vpnlint.oracle.differential;

import java.util.List;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The smallest configurations that showed model bugs this test found, kept as regression cases: {@code local-address
 * any} whose policies use the kernel's source address towards the peer, and a transport-mode tunnel, which has no
 * fwd policy (child_sa.c install_policies_inbound), so a port forward from the peer in cleartext is not dropped.
 * Also pinned: disagreements other seeds found, named by seed and case number.
 */
final class MinimalCases {

    private static final String LOCAL_ANY_GRE = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer east local-address 'any'
            set vpn ipsec site-to-site peer east tunnel 1 protocol 'gre'
            """;

    private static final String TRANSPORT_MODE_PORT_FORWARD = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set nat destination rule 10 inbound-interface name 'eth0'
            set nat destination rule 10 destination address '192.0.2.1'
            set nat destination rule 10 protocol 'udp'
            set nat destination rule 10 destination port '7000'
            set nat destination rule 10 translation address '192.168.10.100'
            set vpn ipsec esp-group ESPT mode 'transport'
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer east local-address '192.0.2.1'
            set vpn ipsec site-to-site peer east default-esp-group 'ESPT'
            set vpn ipsec site-to-site peer east tunnel 1 protocol 'udp'
            """;

    /**
     * Generated case #213 of seed 4242, reduced: the router's own packet from a dummy address is source-NATed into
     * the selector of a trap policy whose SA is down. The lookup after SNAT finds no state and the kernel refuses
     * the send (EREMOTE to a UDP, ICMP or raw GRE socket; TCP's connect does not report it).
     */
    private static final String OWN_PACKET_SNAT_INTO_TRAP = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set interfaces dummy dum0 address '10.10.0.1/32'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            set nat source rule 155 outbound-interface name '!eth1'
            set nat source rule 155 translation address '192.168.10.200'
            set vpn ipsec esp-group ESP mode 'tunnel'
            set vpn ipsec site-to-site peer peerB authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer peerB remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer peerB local-address 'any'
            set vpn ipsec site-to-site peer peerB default-esp-group 'ESP'
            set vpn ipsec site-to-site peer peerB connection-type 'respond'
            set vpn ipsec site-to-site peer peerB tunnel 2 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer peerB tunnel 2 remote prefix '10.10.0.2/32'
            """;

    private MinimalCases() {}

    static List<DifferentialCase> all() {
        Router localAny = ConfigText.read("local-any-gre.set", LOCAL_ANY_GRE, Dialect.VYOS_1_4);
        Router portForward =
                ConfigText.read("transport-port-forward.set", TRANSPORT_MODE_PORT_FORWARD, Dialect.VYOS_1_4);
        Router ownSnat = ConfigText.read("own-packet-snat-into-trap.set", OWN_PACKET_SNAT_INTO_TRAP, Dialect.VYOS_1_4);
        String ownSnatName = "minimal: the router's own packet source-NATed into a trap policy (seed 4242 #213), ";
        return List.of(
                new DifferentialCase(
                        ownSnatName + "GRE",
                        OWN_PACKET_SNAT_INTO_TRAP,
                        ownSnat,
                        SaStates.allDown(),
                        ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local()),
                        0),
                new DifferentialCase(
                        ownSnatName + "UDP",
                        OWN_PACKET_SNAT_INTO_TRAP,
                        ownSnat,
                        SaStates.allDown(),
                        ConcretePacket.udp("10.10.0.1", 30213, "10.10.0.2", 5555, Ingress.local()),
                        0),
                new DifferentialCase(
                        ownSnatName + "ICMP",
                        OWN_PACKET_SNAT_INTO_TRAP,
                        ownSnat,
                        SaStates.allDown(),
                        ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.ICMP, Ingress.local()),
                        61213),
                new DifferentialCase(
                        ownSnatName + "TCP",
                        OWN_PACKET_SNAT_INTO_TRAP,
                        ownSnat,
                        SaStates.allDown(),
                        ConcretePacket.tcp("10.10.0.1", 30214, "10.10.0.2", 22, Ingress.local()),
                        0),
                new DifferentialCase(
                        "minimal: local-address any, GRE to the peer, SA up",
                        LOCAL_ANY_GRE,
                        localAny,
                        SaStates.allUp(),
                        ConcretePacket.of("192.0.2.1", "203.0.113.20", ProtocolMatch.GRE, Ingress.local()),
                        0),
                new DifferentialCase(
                        "minimal: port forward from a transport-mode peer, SA up",
                        TRANSPORT_MODE_PORT_FORWARD,
                        portForward,
                        SaStates.allUp(),
                        ConcretePacket.udp("203.0.113.20", 22001, "192.0.2.1", 7000, Ingress.onInterface("eth0")),
                        0));
    }
}
