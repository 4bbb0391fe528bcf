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

    private MinimalCases() {
    }

    static List<DifferentialCase> all() {
        Router localAny = ConfigText.read("local-any-gre.set", LOCAL_ANY_GRE, Dialect.VYOS_1_4);
        Router portForward = ConfigText.read("transport-port-forward.set", TRANSPORT_MODE_PORT_FORWARD, Dialect.VYOS_1_4);
        return List.of(
                new DifferentialCase("minimal: local-address any, GRE to the peer, SA up", LOCAL_ANY_GRE, localAny,
                        SaStates.allUp(), ConcretePacket.of("192.0.2.1", "203.0.113.20", ProtocolMatch.GRE, Ingress.local()), 0),
                new DifferentialCase("minimal: port forward from a transport-mode peer, SA up", TRANSPORT_MODE_PORT_FORWARD,
                        portForward, SaStates.allUp(),
                        ConcretePacket.udp("203.0.113.20", 22001, "192.0.2.1", 7000, Ingress.onInterface("eth0")), 0));
    }
}
