package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * Random VyOS 1.4 configurations (as {@code set} commands, read by vpnlint's parser) on one fixed site plan, each
 * with random SA states and one probe. Reproducible: the same seed gives the same cases.
 *
 * <pre>
 *   lan 192.168.10.0/24 ── eth1 [router, dum0 10.10.0.1/32] eth0 192.0.2.1/24 ── 192.0.2.254 (gateway, peerA)
 *                                                                        └── 203.0.113.20 (peerB), remote hosts
 * </pre>
 * What varies: source NAT rule sets (exclude, masquerade, address and port translation, negated addresses and
 * ports, protocol scopes, interface conditions with wildcards and negation), destination NAT, a forward filter,
 * one or two peers with one or two tunnels each (prefix selectors with protocol and port scopes, selectors without
 * prefixes, transport mode), connection-type initiate/respond/unset and DPD/close actions (trap or not), the
 * default route, blackhole and reject routes, a GRE tunnel interface, the SA state of every tunnel, and the probe
 * (forwarded from the lan or the wan, or sent by the router itself, incl. raw GRE).
 */
final class CaseGenerator {

    /**
     * Remote hosts exist in the wan namespace so that wan probes can be sent from them; a destination of wan probes
     * (such as the DNAT address 198.51.100.7) must not be among them, or the wan namespace would deliver it to itself.
     */
    static final HostPlan HOSTS = new HostPlan(
            List.of("192.168.10.100", "192.168.10.45"),
            List.of("10.10.10.200", "10.10.10.55", "10.20.0.7", "10.10.0.2", "203.0.113.20"));

    private static final String WAN_ADDRESS = "192.0.2.1";
    private static final String GATEWAY = "192.0.2.254";
    private static final String PEER_B = "203.0.113.20";
    private static final String[] LOCAL_PREFIXES = {
        "192.168.10.0/24",
        "192.168.10.0/25",
        "192.168.10.100/32",
        "192.168.10.45/32",
        "172.16.17.45/32",
        "172.16.17.0/24",
        "10.10.0.1/32",
        "192.168.0.0/16"
    };
    private static final String[] REMOTE_PREFIXES = {
        "10.10.10.0/24",
        "10.10.10.0/25",
        "10.10.10.200/32",
        "10.10.10.55/32",
        "10.20.0.0/24",
        "10.0.0.0/8",
        "10.10.0.2/32"
    };
    private static final String[] NAT_ADDRESSES = {
        "192.168.10.0/24",
        "192.168.10.0/25",
        "192.168.10.100",
        "192.168.10.45",
        "10.10.10.0/24",
        "10.10.10.200",
        "10.20.0.0/24",
        "10.0.0.0/8",
        "172.16.17.45",
        "10.10.0.2",
        "192.168.10.100-192.168.10.120"
    };
    private static final String[] SNAT_TARGETS = {"203.0.113.134", "172.16.17.45", "192.168.10.200", WAN_ADDRESS};
    private static final String[] DNAT_PUBLIC = {WAN_ADDRESS, "172.16.17.45", "198.51.100.7"};
    private static final String[] DNAT_TARGETS = {"192.168.10.100", "192.168.10.45", "10.10.10.200"};
    private static final String[] LAN_DESTINATIONS = {
        "10.10.10.200", "10.10.10.55", "10.20.0.7", "10.10.0.2", "198.51.100.7", PEER_B, "172.16.17.45"
    };
    private static final String[] WAN_SOURCES = {"10.10.10.200", "10.10.10.55", "10.20.0.7", PEER_B};
    private static final String[] WAN_DESTINATIONS = {
        "192.168.10.100", "192.168.10.45", WAN_ADDRESS, "172.16.17.45", "198.51.100.7"
    };
    private static final String[] PORTS = {"22", "80", "5555", "7000", "1500"};
    private static final String[] PORT_CONDITIONS = {
        "22", "!22", "5555", "1000-6000", "22,80", "!80,7000", "30000-45000"
    };
    private static final String[] BLACKHOLE_PREFIXES = {
        "10.10.10.0/24", "10.20.0.0/24", "10.10.0.2/32", "10.10.10.200/32", "10.0.0.0/8", "0.0.0.0/0"
    };

    private final Random random;
    private int nextSourcePort = 30000;

    CaseGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A configuration, its SA states and a probe; {@code index} names the case and makes its flow unique. */
    DifferentialCase next(int index) {
        StringBuilder config = new StringBuilder();
        line(config, "interfaces ethernet eth0 address '" + WAN_ADDRESS + "/24'");
        line(config, "interfaces ethernet eth1 address '192.168.10.1/24'");
        line(config, "interfaces dummy dum0 address '10.10.0.1/32'");
        if (chance(30)) {
            line(config, "interfaces tunnel tun0 encapsulation 'gre'");
            line(config, "interfaces tunnel tun0 source-address '10.10.0.1'");
            line(config, "interfaces tunnel tun0 remote '10.10.0.2'");
            line(config, "interfaces tunnel tun0 address '10.0.0.1/30'");
        }
        if (chance(85)) line(config, "protocols static route 0.0.0.0/0 next-hop " + GATEWAY);
        routes(config);
        sourceNat(config);
        destinationNat(config);
        forwardFilter(config);
        ipsec(config);

        String text = config.toString();
        Router router = ConfigText.read("generated-" + index + ".set", text, Dialect.VYOS_1_4);
        return new DifferentialCase("generated #" + index, text, router, saStates(router), probe(router), 1000 + index);
    }

    // ---- configuration ---------------------------------------------------------------------------------------

    private void routes(StringBuilder config) {
        int count = chance(35) ? 1 + random.nextInt(2) : 0;
        Set<String> used = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String prefix = pick(BLACKHOLE_PREFIXES);
            if (!used.add(prefix)) continue;
            String kind = chance(80) ? "blackhole" : "reject";
            if (prefix.equals("0.0.0.0/0")) {
                line(config, "protocols static route 0.0.0.0/0 blackhole distance '254'");
            } else {
                line(config, "protocols static route " + prefix + " " + kind + (chance(50) ? " distance '254'" : ""));
            }
        }
    }

    private void sourceNat(StringBuilder config) {
        int count = random.nextInt(5);
        for (int number : ruleNumbers(count)) {
            String rule = "nat source rule " + number + " ";
            interfaceCondition(config, rule + "outbound-interface");
            String protocol = matchConditions(config, rule);
            switch (random.nextInt(4)) {
                case 0 -> line(config, rule + "exclude");
                case 1 -> line(config, rule + "translation address 'masquerade'");
                default -> {
                    line(config, rule + "translation address '" + pick(SNAT_TARGETS) + "'");
                    if (protocol != null && chance(25))
                        line(config, rule + "translation port '" + (2000 + random.nextInt(100)) + "'");
                }
            }
        }
    }

    private void destinationNat(StringBuilder config) {
        int count = chance(40) ? 1 + random.nextInt(2) : 0;
        for (int number : ruleNumbers(count)) {
            String rule = "nat destination rule " + number + " ";
            if (chance(60)) line(config, rule + "inbound-interface name '" + (chance(80) ? "eth0" : "eth1") + "'");
            line(config, rule + "destination address '" + pick(DNAT_PUBLIC) + "'");
            String protocol = chance(50) ? pick(new String[] {"tcp", "udp", "tcp_udp"}) : null;
            if (protocol != null) {
                line(config, rule + "protocol '" + protocol + "'");
                if (chance(50)) line(config, rule + "destination port '" + pick(PORTS) + "'");
            }
            line(config, rule + "translation address '" + pick(DNAT_TARGETS) + "'");
            if (protocol != null && chance(30)) line(config, rule + "translation port '" + pick(PORTS) + "'");
        }
    }

    private void forwardFilter(StringBuilder config) {
        if (!chance(25)) return;
        for (int number : ruleNumbers(1 + random.nextInt(2))) {
            String rule = "firewall ipv4 forward filter rule " + number + " ";
            line(config, rule + "action '" + pick(new String[] {"drop", "drop", "reject", "accept"}) + "'");
            matchConditions(config, rule);
        }
        if (chance(20)) line(config, "firewall ipv4 forward filter default-action 'drop'");
    }

    /** Source/destination address, protocol and ports of a NAT or filter rule; returns the protocol if ported. */
    private String matchConditions(StringBuilder config, String rule) {
        for (String side : new String[] {"source", "destination"}) {
            if (chance(50)) {
                line(config, rule + side + " address '" + (chance(25) ? "!" : "") + pick(NAT_ADDRESSES) + "'");
            }
        }
        if (!chance(40)) return null;
        String protocol = pick(new String[] {"tcp", "udp", "tcp_udp", "icmp", "gre"});
        line(config, rule + "protocol '" + protocol + "'");
        boolean ported = !protocol.equals("icmp") && !protocol.equals("gre");
        if (!ported) return null;
        if (chance(40))
            line(config, rule + (chance(50) ? "source" : "destination") + " port '" + pick(PORT_CONDITIONS) + "'");
        return protocol;
    }

    private void interfaceCondition(StringBuilder config, String node) {
        switch (random.nextInt(6)) {
            case 0, 1 -> line(config, node + " name 'eth0'");
            case 2 -> line(config, node + " name 'eth*'");
            case 3 -> line(config, node + " name '!eth1'");
            case 4 -> line(config, node + " name 'eth1'");
            default -> {
                // no interface condition: VyOS 1.4 then matches every interface
            }
        }
    }

    private void ipsec(StringBuilder config) {
        int peers = chance(12) ? 0 : 1 + random.nextInt(2);
        if (peers == 0) return;
        line(config, "vpn ipsec esp-group ESP mode 'tunnel'");
        line(config, "vpn ipsec esp-group ESPT mode 'transport'");
        Set<String> selectors = new HashSet<>();
        for (int p = 0; p < peers; p++) {
            String name = p == 0 ? "peerA" : "peerB";
            String peer = "vpn ipsec site-to-site peer " + name + " ";
            line(config, peer + "authentication mode 'pre-shared-secret'");
            line(config, peer + "remote-address '" + (p == 0 ? GATEWAY : PEER_B) + "'");
            line(config, peer + "local-address '" + (chance(90) ? WAN_ADDRESS : "any") + "'");
            line(config, peer + "default-esp-group 'ESP'");
            switch (random.nextInt(3)) {
                case 0 -> line(config, peer + "connection-type 'respond'");
                case 1 -> line(config, peer + "connection-type 'initiate'");
                default -> {
                    // unset: VyOS renders start_action = start
                }
            }
            if (chance(40)) {
                String group = "IKE-" + name;
                line(config, peer + "ike-group '" + group + "'");
                if (chance(60))
                    line(
                            config,
                            "vpn ipsec ike-group " + group + " dead-peer-detection action '"
                                    + pick(new String[] {"trap", "clear", "restart"}) + "'");
                if (chance(40))
                    line(
                            config,
                            "vpn ipsec ike-group " + group + " close-action '"
                                    + pick(new String[] {"none", "trap", "start"}) + "'");
            }
            int tunnels = 1 + random.nextInt(2);
            boolean endpointTunnel = false;
            for (int t = 1; t <= tunnels; t++) {
                String tunnel = peer + "tunnel " + t + " ";
                int kind = random.nextInt(100);
                if (kind < 12 && !endpointTunnel) {
                    endpointTunnel = true;
                    if (chance(70)) line(config, tunnel + "protocol 'gre'");
                    else line(config, tunnel + "protocol 'all'");
                } else if (kind < 18 && !endpointTunnel) {
                    endpointTunnel = true;
                    line(config, tunnel + "esp-group 'ESPT'");
                    if (chance(50)) line(config, tunnel + "protocol '" + pick(new String[] {"udp", "gre"}) + "'");
                } else {
                    prefixTunnel(config, tunnel, selectors);
                }
            }
        }
    }

    private void prefixTunnel(StringBuilder config, String tunnel, Set<String> selectors) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String local = pick(LOCAL_PREFIXES);
            String remote = pick(REMOTE_PREFIXES);
            String protocol = chance(30) ? pick(new String[] {"gre", "tcp", "udp", "icmp"}) : null;
            String localPort = null;
            String remotePort = null;
            if (("tcp".equals(protocol) || "udp".equals(protocol)) && chance(50)) {
                if (chance(50)) localPort = pick(PORTS);
                else remotePort = pick(PORTS);
            }
            // the kernel keys policies by selector: two tunnels with the same one cannot both be installed
            if (!selectors.add(local + remote + protocol + localPort + remotePort)) continue;
            line(config, tunnel + "local prefix '" + local + "'");
            line(config, tunnel + "remote prefix '" + remote + "'");
            if (protocol != null) line(config, tunnel + "protocol '" + protocol + "'");
            if (localPort != null) line(config, tunnel + "local port '" + localPort + "'");
            if (remotePort != null) line(config, tunnel + "remote port '" + remotePort + "'");
            return;
        }
        throw new IllegalStateException("no fresh selector for " + tunnel);
    }

    // ---- states and probe ------------------------------------------------------------------------------------

    private SaStates saStates(Router router) {
        SaStates states = SaStates.allDown();
        for (IpsecPeer peer : router.ipsec().peers()) {
            for (IpsecTunnel tunnel : peer.tunnels()) {
                states = states.with(new TunnelRef(peer.name(), tunnel.number()), random.nextBoolean());
            }
        }
        return states;
    }

    /** Half of the lan probes aim at a tunnel's selectors, so that IPsec verdicts are not rare. */
    private ConcretePacket probe(Router router) {
        int sourcePort = nextSourcePort++;
        int kind = random.nextInt(100);
        List<IpsecTunnel> prefixTunnels = router.ipsec().peers().stream()
                .flatMap(p -> p.tunnels().stream())
                .filter(t -> !t.localPrefixes().isEmpty() && !t.remotePrefixes().isEmpty())
                .toList();
        if (kind < 30 && !prefixTunnels.isEmpty()) {
            IpsecTunnel tunnel = prefixTunnels.get(random.nextInt(prefixTunnels.size()));
            String destination = hostIn(tunnel.remotePrefixes().get(0));
            Optional<String> lanSource = HOSTS.lanHosts().stream()
                    .filter(h -> tunnel.localPrefixes().get(0).toPrefixBlock().contains(ConcretePacket.address(h)))
                    .findFirst();
            if (tunnel.localPrefixes().get(0).toPrefixBlock().contains(ConcretePacket.address("10.10.0.1"))) {
                return ConcretePacket.udp("10.10.0.1", sourcePort, destination, 5555, Ingress.local());
            }
            String source = lanSource.orElse(chance(50) ? "192.168.10.100" : "192.168.10.45");
            return ported(source, sourcePort, destination, Ingress.onInterface("eth1"));
        }
        if (kind < 58) {
            String source = chance(70) ? "192.168.10.100" : "192.168.10.45";
            return ported(source, sourcePort, pick(LAN_DESTINATIONS), Ingress.onInterface("eth1"));
        }
        if (kind < 75) {
            return ported(pick(WAN_SOURCES), sourcePort, pick(WAN_DESTINATIONS), Ingress.onInterface("eth0"));
        }
        return switch (random.nextInt(5)) {
            case 0 -> ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local());
            case 1 -> ConcretePacket.of(WAN_ADDRESS, PEER_B, ProtocolMatch.GRE, Ingress.local());
            case 2 -> ConcretePacket.udp(WAN_ADDRESS, sourcePort, GATEWAY, 4789, Ingress.local());
            case 3 -> ConcretePacket.udp("10.10.0.1", sourcePort, "10.10.0.2", 5555, Ingress.local());
            default -> ConcretePacket.of(WAN_ADDRESS, "10.10.10.200", ProtocolMatch.ICMP, Ingress.local());
        };
    }

    /** A remote host of the plan inside the prefix, else the prefix's seventh address. */
    private static String hostIn(IPAddress prefix) {
        for (String host : HOSTS.remoteHosts()) {
            if (prefix.toPrefixBlock().contains(ConcretePacket.address(host))) return host;
        }
        return prefix.toPrefixBlock()
                .getLower()
                .withoutPrefixLength()
                .increment(7)
                .toCanonicalString();
    }

    private ConcretePacket ported(String source, int sourcePort, String destination, Ingress ingress) {
        int kind = random.nextInt(10);
        if (kind < 5)
            return ConcretePacket.udp(source, sourcePort, destination, Integer.parseInt(pick(PORTS)), ingress);
        if (kind < 8)
            return ConcretePacket.tcp(source, sourcePort, destination, Integer.parseInt(pick(PORTS)), ingress);
        return ConcretePacket.of(source, destination, ProtocolMatch.ICMP, ingress);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private List<Integer> ruleNumbers(int count) {
        TreeSet<Integer> numbers = new TreeSet<>();
        while (numbers.size() < count) numbers.add(5 * (1 + random.nextInt(40)));
        return new ArrayList<>(numbers);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void line(StringBuilder config, String command) {
        config.append("set ").append(command).append('\n');
    }
}
