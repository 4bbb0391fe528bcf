package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.CloseAction;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.DeadPeerDetection;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.model.TunnelSettings;

/**
 * Builds {@link Router} records for tests without the parser: each element gets the next line of a pretend
 * {@code config.boot}, so traces can be checked for the location that acted.
 */
final class RouterFixture {

    private final Dialect dialect;
    private int line = 1;
    private final List<NetInterface> interfaces = new ArrayList<>();
    private final List<StaticRoute> routes = new ArrayList<>();
    private final List<org.vpnlint.model.PolicyRoute> policyRoutes = new ArrayList<>();
    private final List<org.vpnlint.model.LoadBalanceGroup> loadBalanceGroups = new ArrayList<>();
    private final List<org.vpnlint.model.OwnConnectionRule> ownConnections = new ArrayList<>();
    private final List<NatRule> sourceRules = new ArrayList<>();
    private final List<NatRule> destinationRules = new ArrayList<>();
    private final List<IpsecPeer> peers = new ArrayList<>();
    private final Map<String, IkeGroup> ikeGroups = new LinkedHashMap<>();
    private final Map<String, EspGroup> espGroups = new LinkedHashMap<>();
    private final List<FirewallRule> forwardRules = new ArrayList<>();
    private final Map<String, FirewallChain> namedChains = new LinkedHashMap<>();
    private FirewallChain zoneForward;
    private FirewallAction forwardDefault = FirewallAction.ACCEPT;
    private FirewallChain input = FirewallChain.acceptAll("input");
    private FirewallChain output = FirewallChain.acceptAll("output");
    private boolean autoFirewallNatExclude;
    private boolean routeAutoinstall = true;

    private RouterFixture(Dialect dialect) {
        this.dialect = dialect;
        ikeGroups.put("IKE", new IkeGroup("IKE", 2, List.of(), null, null, null, false, next()));
        espGroups.put("ESP", new EspGroup("ESP", null, null, List.of(), null, next()));
    }

    static RouterFixture of(Dialect dialect) {
        return new RouterFixture(dialect);
    }

    static RouterFixture vyos13() {
        return of(Dialect.VYOS_1_3);
    }

    static RouterFixture vyos14() {
        return of(Dialect.VYOS_1_4);
    }

    static IPAddress ip(String text) {
        return new IPAddressString(text).getAddress();
    }

    static AddressMatch addresses(String... prefixes) {
        List<IPAddressSeqRange> ranges = new ArrayList<>();
        for (String prefix : prefixes) ranges.add(ip(prefix).toPrefixBlock().toSequentialRange());
        return new AddressMatch(ranges, false, String.join(",", prefixes));
    }

    SourceLocation next() {
        return SourceLocation.at("config.boot", line++, 5);
    }

    // ---- interfaces and routes -----------------------------------------------------------------------------

    RouterFixture ethernet(String name, String... addresses) {
        interfaces.add(new NetInterface(
                name,
                InterfaceKind.ETHERNET,
                java.util.Arrays.stream(addresses).map(RouterFixture::ip).toList(),
                false,
                false,
                null,
                false,
                next()));
        return this;
    }

    RouterFixture dhcp(String name) {
        interfaces.add(new NetInterface(name, InterfaceKind.ETHERNET, List.of(), true, true, null, false, next()));
        return this;
    }

    RouterFixture dummy(String name, String address) {
        interfaces.add(
                new NetInterface(name, InterfaceKind.DUMMY, List.of(ip(address)), false, false, null, false, next()));
        return this;
    }

    RouterFixture vti(String name, String address) {
        interfaces.add(
                new NetInterface(name, InterfaceKind.VTI, List.of(ip(address)), false, false, null, false, next()));
        return this;
    }

    RouterFixture greTunnel(String name, String address, String local, String remote) {
        interfaces.add(new NetInterface(
                name,
                InterfaceKind.TUNNEL,
                List.of(ip(address)),
                false,
                false,
                new TunnelSettings("gre", ip(local), ip(remote), null, null),
                false,
                next()));
        return this;
    }

    RouterFixture route(String prefix, String nextHop) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.NEXT_HOP, ip(nextHop), null, 1, next()));
        return this;
    }

    RouterFixture route(String prefix, String nextHop, int distance) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.NEXT_HOP, ip(nextHop), null, distance, next()));
        return this;
    }

    RouterFixture interfaceRoute(String prefix, String interfaceName) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.INTERFACE, null, interfaceName, 1, next()));
        return this;
    }

    RouterFixture blackhole(String prefix, int distance) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.BLACKHOLE, null, null, distance, next()));
        return this;
    }

    /** {@code protocols static table N route P next-hop A}. */
    RouterFixture tableRoute(int table, String prefix, String nextHop) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.NEXT_HOP, ip(nextHop), null, 1, next(), table));
        return this;
    }

    /** {@code protocols static table N route P blackhole}. */
    RouterFixture tableBlackhole(int table, String prefix) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.BLACKHOLE, null, null, 1, next(), table));
        return this;
    }

    /** A policy-routing ruleset bound to these interfaces (no interface: bound to none). */
    RouterFixture policyRoute(String name, List<String> interfaces, org.vpnlint.model.PolicyRouteRule... rules) {
        policyRoutes.add(new org.vpnlint.model.PolicyRoute(
                name, false, interfaces, List.of(rules), "policy route " + name, next()));
        return this;
    }

    /**
     * A load balancer among these WANs (table 201, 202, ... each with a default route out of its WAN), applied by
     * the rule at {@code appliedBy} (a LOAD_BALANCE rule of a policy route).
     */
    RouterFixture loadBalancer(org.vpnlint.model.PolicyRouteRule appliedBy, boolean sourceNat, String... wans) {
        List<org.vpnlint.model.LoadBalancedWan> members = new ArrayList<>();
        for (String wan : wans) {
            int table = 201 + members.size();
            members.add(new org.vpnlint.model.LoadBalancedWan(wan, 1, false, table, null));
            routes.add(new StaticRoute(ip("0.0.0.0/0"), RouteKind.INTERFACE, null, wan, 1, next(), table));
        }
        loadBalanceGroups.add(new org.vpnlint.model.LoadBalanceGroup(
                "G", members, sourceNat, false, List.of(appliedBy.path()), "load-balance group G", next()));
        return this;
    }

    /**
     * A rule of the load balancer's chain for the router's own connections: with {@code balancing}, it marks them
     * for a WAN of the last load balancer added; otherwise it excludes them. {@code outbound} conditions the
     * interface the socket's route chose.
     */
    RouterFixture ownConnectionRule(
            org.vpnlint.model.PolicyRouteRule rule, org.vpnlint.model.InterfaceMatch outbound, boolean balancing) {
        org.vpnlint.model.LoadBalanceGroup group =
                balancing ? loadBalanceGroups.get(loadBalanceGroups.size() - 1) : null;
        org.vpnlint.model.PolicyRoute chain = new org.vpnlint.model.PolicyRoute(
                "load-balancing wan", false, List.of(), List.of(rule), rule.path(), rule.location());
        ownConnections.add(new org.vpnlint.model.OwnConnectionRule(chain, rule, outbound, group));
        return this;
    }

    /** Rule N of a policy route: packets from {@code source} (null: any) get {@code action} (table for SET_TABLE). */
    org.vpnlint.model.PolicyRouteRule policyRule(
            int number, String source, org.vpnlint.model.PolicyRouteAction action, int table) {
        PacketMatch match = source == null
                ? PacketMatch.ANY
                : new PacketMatch(
                        new AddressMatch(List.of(ip(source).toPrefixBlock().toSequentialRange()), false, source),
                        AddressMatch.ANY,
                        ProtocolMatch.ANY,
                        PortMatch.ANY,
                        PortMatch.ANY);
        return new org.vpnlint.model.PolicyRouteRule(
                number, match, action, table, 0, false, "policy route X rule " + number, next());
    }

    RouterFixture reject(String prefix) {
        routes.add(new StaticRoute(ip(prefix), RouteKind.REJECT, null, null, 1, next()));
        return this;
    }

    // ---- NAT -----------------------------------------------------------------------------------------------

    RouterFixture nat(Nat rule) {
        NatRule built = rule.build(next());
        (built.direction() == NatDirection.SOURCE ? sourceRules : destinationRules).add(built);
        return this;
    }

    static Nat source(int number) {
        return new Nat(NatDirection.SOURCE, number);
    }

    static Nat destination(int number) {
        return new Nat(NatDirection.DESTINATION, number);
    }

    /** A NAT rule under construction. */
    static final class Nat {
        private final NatDirection direction;
        private final int number;
        private InterfaceMatch interfaceMatch = InterfaceMatch.ANY;
        private AddressMatch source = AddressMatch.ANY;
        private AddressMatch destination = AddressMatch.ANY;
        private ProtocolMatch protocol = ProtocolMatch.ANY;
        private PortMatch destinationPort = PortMatch.ANY;
        private NatTranslation translation;

        private Nat(NatDirection direction, int number) {
            this.direction = direction;
            this.number = number;
        }

        Nat onInterface(String name) {
            interfaceMatch = InterfaceMatch.of(name);
            return this;
        }

        Nat onInterfaces(InterfaceMatch match) {
            interfaceMatch = match;
            return this;
        }

        Nat from(String... prefixes) {
            source = addresses(prefixes);
            return this;
        }

        Nat notFrom(String prefix) {
            source = new AddressMatch(addresses(prefix).ranges(), true, "!" + prefix);
            return this;
        }

        Nat to(String... prefixes) {
            destination = addresses(prefixes);
            return this;
        }

        Nat protocol(int number) {
            protocol = ProtocolMatch.of(number);
            return this;
        }

        Nat destinationPorts(int low, int high) {
            destinationPort = new PortMatch(List.of(new PortRange(low, high)), false);
            return this;
        }

        Nat translateTo(String address) {
            translation =
                    new NatTranslation(NatTranslation.Kind.ADDRESS, ip(address).toSequentialRange(), null, null);
            return this;
        }

        Nat translateTo(String address, int port) {
            translation = new NatTranslation(
                    NatTranslation.Kind.ADDRESS, ip(address).toSequentialRange(), null, PortRange.of(port));
            return this;
        }

        Nat mapPrefix(String prefix) {
            IPAddress block = ip(prefix);
            translation = new NatTranslation(
                    NatTranslation.Kind.ADDRESS,
                    block.toPrefixBlock().toSequentialRange(),
                    block.getNetworkPrefixLength(),
                    null);
            return this;
        }

        Nat masquerade() {
            translation = NatTranslation.MASQUERADE;
            return this;
        }

        Nat exclude() {
            translation = NatTranslation.EXCLUDE;
            return this;
        }

        NatRule build(SourceLocation location) {
            String path = (direction == NatDirection.SOURCE ? "nat source rule " : "nat destination rule ") + number;
            return new NatRule(
                    direction,
                    number,
                    interfaceMatch,
                    new PacketMatch(source, destination, protocol, PortMatch.ANY, destinationPort),
                    translation,
                    false,
                    null,
                    path,
                    location);
        }
    }

    // ---- IPsec ---------------------------------------------------------------------------------------------

    RouterFixture peer(Peer peer) {
        peers.add(peer.build(this));
        return this;
    }

    RouterFixture ikeGroup(String name, DpdAction dpd, boolean withDpd, CloseAction close) {
        ikeGroups.put(
                name,
                new IkeGroup(
                        name,
                        2,
                        List.of(),
                        withDpd ? new DeadPeerDetection(dpd, 30, 120) : null,
                        close,
                        null,
                        false,
                        next()));
        return this;
    }

    RouterFixture transportEspGroup(String name) {
        espGroups.put(name, new EspGroup(name, "transport", null, List.of(), null, next()));
        return this;
    }

    RouterFixture autoFirewallNatExclude() {
        autoFirewallNatExclude = true;
        return this;
    }

    RouterFixture disableRouteAutoinstall() {
        routeAutoinstall = false;
        return this;
    }

    static Peer peer(String name) {
        return new Peer(name);
    }

    /** A site-to-site peer under construction; the remote address defaults to the name when it is an address. */
    static final class Peer {
        private final String name;
        private final List<String> remoteAddresses = new ArrayList<>();
        private String localAddress;
        private ConnectionType connectionType;
        private String ikeGroup = "IKE";
        private String espGroup = "ESP";
        private String vti;
        private boolean udpEncapsulation;
        private final List<Object[]> tunnels = new ArrayList<>();

        private Peer(String name) {
            this.name = name;
            if (ip(name) != null) remoteAddresses.add(name);
        }

        Peer remote(String address) {
            remoteAddresses.clear();
            remoteAddresses.add(address);
            return this;
        }

        Peer local(String address) {
            localAddress = address;
            return this;
        }

        Peer connectionType(ConnectionType type) {
            connectionType = type;
            return this;
        }

        Peer ikeGroup(String group) {
            ikeGroup = group;
            return this;
        }

        Peer espGroup(String group) {
            espGroup = group;
            return this;
        }

        Peer vti(String name) {
            vti = name;
            return this;
        }

        Peer forceUdpEncapsulation() {
            udpEncapsulation = true;
            return this;
        }

        /** {@code tunnel N local prefix L remote prefix R}; null prefixes are left unset. */
        Peer tunnel(int number, String local, String remote) {
            tunnels.add(new Object[] {number, local, remote, null});
            return this;
        }

        Peer tunnel(int number, String local, String remote, Integer protocol) {
            tunnels.add(new Object[] {number, local, remote, protocol});
            return this;
        }

        IpsecPeer build(RouterFixture fixture) {
            SourceLocation peerLocation = fixture.next();
            List<IpsecTunnel> built = new ArrayList<>();
            for (Object[] t : tunnels) {
                built.add(new IpsecTunnel(
                        (Integer) t[0],
                        t[1] == null ? List.of() : List.of(ip((String) t[1])),
                        t[2] == null ? List.of() : List.of(ip((String) t[2])),
                        (Integer) t[3],
                        null,
                        null,
                        null,
                        false,
                        fixture.next()));
            }
            return new IpsecPeer(
                    name,
                    remoteAddresses,
                    localAddress,
                    AuthenticationMode.PRE_SHARED_SECRET,
                    null,
                    null,
                    null,
                    connectionType,
                    ikeGroup,
                    espGroup,
                    built,
                    vti,
                    vti == null ? null : espGroup,
                    udpEncapsulation,
                    false,
                    "vpn ipsec site-to-site peer " + name,
                    peerLocation);
        }
    }

    // ---- firewall ------------------------------------------------------------------------------------------

    RouterFixture forwardDefault(FirewallAction action) {
        forwardDefault = action;
        return this;
    }

    RouterFixture forwardRule(int number, FirewallAction action, String jumpTarget, PacketMatch match, String inbound) {
        forwardRules.add(new FirewallRule(
                number,
                action,
                jumpTarget,
                match,
                inbound == null ? InterfaceMatch.ANY : InterfaceMatch.of(inbound),
                InterfaceMatch.ANY,
                Set.of(),
                IpsecMatch.ANY,
                false,
                "rule",
                next()));
        return this;
    }

    RouterFixture inputChain(FirewallAction defaultAction, FirewallRule... rules) {
        input = new FirewallChain("input", defaultAction, List.of(rules), "firewall ipv4 input filter", next());
        return this;
    }

    RouterFixture outputChain(FirewallAction defaultAction, FirewallRule... rules) {
        output = new FirewallChain("output", defaultAction, List.of(rules), "firewall ipv4 output filter", next());
        return this;
    }

    /** The zone base chain of the forward hook (1.4+: runs after the forward filter). */
    RouterFixture zoneForwardChain(FirewallRule... jumps) {
        zoneForward = new FirewallChain("zone forward", FirewallAction.ACCEPT, List.of(jumps), null, null);
        return this;
    }

    RouterFixture namedChain(String name, FirewallAction defaultAction, FirewallRule... rules) {
        namedChains.put(name, new FirewallChain(name, defaultAction, List.of(rules), "firewall name " + name, next()));
        return this;
    }

    FirewallRule rule(int number, FirewallAction action, PacketMatch match) {
        return new FirewallRule(
                number,
                action,
                null,
                match,
                InterfaceMatch.ANY,
                InterfaceMatch.ANY,
                Set.of(),
                IpsecMatch.ANY,
                false,
                "rule " + number,
                next());
    }

    static PacketMatch matchingProtocol(int protocol) {
        return new PacketMatch(
                AddressMatch.ANY, AddressMatch.ANY, ProtocolMatch.of(protocol), PortMatch.ANY, PortMatch.ANY);
    }

    static PacketMatch matching(String source, String destination) {
        return new PacketMatch(
                source == null ? AddressMatch.ANY : addresses(source),
                destination == null ? AddressMatch.ANY : addresses(destination),
                ProtocolMatch.ANY,
                PortMatch.ANY,
                PortMatch.ANY);
    }

    // ---- result --------------------------------------------------------------------------------------------

    Router build() {
        FirewallChain forward = forwardRules.isEmpty() && forwardDefault == FirewallAction.ACCEPT
                ? FirewallChain.acceptAll("forward")
                : new FirewallChain("forward", forwardDefault, forwardRules, "firewall ipv4 forward filter", next());
        FirewallFamily family = new FirewallFamily(forward, input, output, namedChains);
        if (zoneForward != null) {
            family = new FirewallFamily(
                    forward, input, output, namedChains, zoneForward, family.zoneInput(), family.zoneOutput());
        }
        IpsecConfig ipsec = new IpsecConfig(
                peers, ikeGroups, espGroups, List.of(), List.of(), autoFirewallNatExclude, routeAutoinstall, null);
        return new Router(
                "test",
                "config.boot",
                dialect,
                interfaces,
                routes,
                new NatConfig(sourceRules, destinationRules),
                new FirewallConfig(family, family),
                ipsec,
                null,
                org.vpnlint.model.Completeness.WHOLE,
                policyRoutes,
                List.of(),
                loadBalanceGroups,
                ownConnections);
    }
}
