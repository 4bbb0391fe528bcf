package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.TopologyLayout;

/**
 * The test network around a router: r0/r1 carry the router's LAN/WAN addresses, dummy and loopback addresses go on
 * the router's {@code lo}, the wan namespace takes the default gateway's address (it plays the Internet and every
 * peer) and holds, on its loopback, the remote hosts, the peers and next hops on the WAN subnet (so that ARP for
 * them is answered). The wan namespace routes everything back via the router.
 */
final class LayoutRenderer {

    private final Router router;
    private final InterfaceMapping interfaces;
    private final IPAddress lanAddress;
    private final IPAddress wanAddress;
    private final IPAddress wanHost;

    LayoutRenderer(Router router, InterfaceMapping interfaces) {
        this.router = router;
        this.interfaces = interfaces;
        this.lanAddress = InterfaceMapping.firstIpv4(interfaces.lan()).orElseThrow();
        this.wanAddress = InterfaceMapping.firstIpv4(interfaces.wan()).orElseThrow();
        this.wanHost = chooseWanHost();
    }

    /** The wan namespace's address on the WAN subnet: the router's default gateway when it has one. */
    IPAddress wanHost() {
        return wanHost;
    }

    TopologyLayout layout(HostPlan plan, ConcretePacket packet, Origin origin) {
        return new TopologyLayout(
                lanHosts(plan, packet, origin),
                Ipv4Text.host(lanAddress),
                Ipv4Text.withLength(lanAddress),
                Ipv4Text.withLength(wanAddress),
                routerLoopback(),
                Ipv4Text.host(wanHost) + "/" + Ipv4Text.length(wanAddress),
                remoteHosts(plan, packet, origin),
                List.of("0.0.0.0/0"),
                secondWan(remoteHosts(plan, packet, origin)).orElse(null));
    }

    /**
     * The second WAN's addresses: the router's on r2, and for wan2 the one next hop the router's routes use on that
     * subnet (the load balancer's table for it), or else the subnet's last host; the remote hosts go on wan2's lo.
     */
    private Optional<TopologyLayout.SecondWan> secondWan(List<String> remoteHosts) {
        if (interfaces.secondWanInterface().isEmpty()) return Optional.empty();
        IPAddress routerAddress = InterfaceMapping.firstIpv4(
                        interfaces.secondWanInterface().get())
                .orElseThrow();
        TreeSet<IPAddress> nextHops = new TreeSet<>();
        for (StaticRoute route : router.routes()) {
            if (route.nextHop() != null && onSubnet(routerAddress, route.nextHop())) {
                nextHops.add(route.nextHop().withoutPrefixLength());
            }
        }
        nextHops.remove(routerAddress.withoutPrefixLength());
        if (nextHops.size() > 1) {
            throw new UnsupportedCase("several next hops on the second WAN "
                    + interfaces.secondWanInterface().get().name());
        }
        IPAddress host = nextHops.isEmpty() ? lastHost(routerAddress) : nextHops.first();
        List<String> loopback = remoteHosts.stream()
                .filter(h -> !h.equals(Ipv4Text.host(host) + "/32"))
                .toList();
        return Optional.of(new TopologyLayout.SecondWan(
                Ipv4Text.withLength(routerAddress),
                Ipv4Text.host(host) + "/" + Ipv4Text.length(routerAddress),
                loopback));
    }

    /** The subnet's last host that is not the router's own address. */
    private static IPAddress lastHost(IPAddress interfaceAddress) {
        IPAddress last = interfaceAddress
                .toPrefixBlock()
                .getUpper()
                .withoutPrefixLength()
                .increment(-1);
        return last.equals(interfaceAddress.withoutPrefixLength()) ? last.increment(-1) : last;
    }

    /** The plan's lan hosts, DNAT targets and the probe's lan end, on the LAN subnet (ARP must find them). */
    private List<String> lanHosts(HostPlan plan, ConcretePacket packet, Origin origin) {
        TreeSet<IPAddress> hosts = new TreeSet<>();
        plan.lanHosts().stream().map(Ipv4Text::literal).forEach(hosts::add);
        NatConfig nat = router.nat() == null ? NatConfig.NONE : router.nat();
        nat.destinationRules().stream()
                .map(NatRule::translation)
                .filter(t -> t != null
                        && t.addresses() != null
                        && t.addresses().getLower().isIPv4())
                .forEach(t -> hosts.add(t.addresses().getLower().withoutPrefixLength()));
        hosts.add(packet.dst());
        TreeSet<String> lan = new TreeSet<>();
        for (IPAddress host : hosts) {
            if (onSubnet(lanAddress, host)) lan.add(Ipv4Text.host(host) + "/" + Ipv4Text.length(lanAddress));
        }
        if (origin == Origin.LAN) {
            int length = onSubnet(lanAddress, packet.src()) ? Ipv4Text.length(lanAddress) : 32;
            lan.add(Ipv4Text.host(packet.src()) + "/" + length);
        }
        lan.remove(Ipv4Text.withLength(lanAddress));
        return List.copyOf(lan);
    }

    /** Remote hosts, peers and next hops on the WAN subnet, and the probe's source when it comes from the wan. */
    private List<String> remoteHosts(HostPlan plan, ConcretePacket packet, Origin origin) {
        TreeSet<String> remote = new TreeSet<>();
        plan.remoteHosts().forEach(h -> remote.add(Ipv4Text.host(Ipv4Text.literal(h)) + "/32"));
        for (IpsecPeer peer : peers()) {
            PeerEndpoints endpoints = PeerEndpoints.of(router, peer, interfaces, wanHost);
            if (onSubnet(wanAddress, endpoints.remote())) remote.add(Ipv4Text.host(endpoints.remote()) + "/32");
        }
        for (StaticRoute route : router.routes()) {
            if (route.nextHop() != null && onSubnet(wanAddress, route.nextHop())) {
                remote.add(Ipv4Text.host(route.nextHop()) + "/32");
            }
        }
        if (origin == Origin.WAN) remote.add(Ipv4Text.host(packet.src()) + "/32");
        remote.remove(Ipv4Text.host(wanHost) + "/32");
        remote.remove(Ipv4Text.host(wanAddress) + "/32");
        return List.copyOf(remote);
    }

    private List<String> routerLoopback() {
        TreeSet<String> addresses = new TreeSet<>();
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled()) continue;
            if (netInterface.kind() != InterfaceKind.DUMMY && netInterface.kind() != InterfaceKind.LOOPBACK) continue;
            for (IPAddress address : netInterface.addresses()) {
                if (!address.isIPv4() || address.isLoopback()) continue;
                if (Ipv4Text.length(address) != 32) {
                    throw new UnsupportedCase(netInterface.name() + " has the subnet " + address
                            + " (the router's lo would make all of it local)");
                }
                addresses.add(Ipv4Text.host(address) + "/32");
            }
        }
        return List.copyOf(addresses);
    }

    private IPAddress chooseWanHost() {
        Optional<IPAddress> gateway = router.routes().stream()
                .filter(r -> r.nextHop() != null && r.prefix().isIPv4() && Ipv4Text.length(r.prefix()) == 0)
                .map(StaticRoute::nextHop)
                .filter(h -> onSubnet(wanAddress, h))
                .findFirst();
        if (gateway.isEmpty()) {
            gateway = router.routes().stream()
                    .map(StaticRoute::nextHop)
                    .filter(h -> h != null && onSubnet(wanAddress, h))
                    .findFirst();
        }
        if (gateway.isEmpty()) {
            gateway = peers().stream()
                    .flatMap(p -> p.remoteAddresses().stream())
                    .map(Ipv4Text::literal)
                    .filter(a -> onSubnet(wanAddress, a))
                    .findFirst();
        }
        IPAddress chosen = gateway.orElseGet(() -> lastHost(wanAddress));
        return chosen.withoutPrefixLength();
    }

    private List<IpsecPeer> peers() {
        return router.ipsec() == null ? List.of() : router.ipsec().peers();
    }

    static boolean onSubnet(IPAddress interfaceAddress, IPAddress address) {
        return address != null
                && address.isIPv4()
                && interfaceAddress.toPrefixBlock().contains(address.withoutPrefixLength());
    }
}
