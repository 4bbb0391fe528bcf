package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.Topology;

/**
 * Which of the router's interfaces play the veths of the test topology: the WAN interface becomes {@code r1}
 * (facing the wan namespace, i.e. the Internet and every IPsec peer), the LAN interface {@code r0}, and a second WAN
 * of a load balancer, when the router has one, {@code r2} (facing the wan2 namespace, another ISP).
 *
 * <p>WAN is the interface whose subnet holds the default route's next hop, or else the one holding the first peer's
 * local address, or else the first Ethernet-like interface (VyOS's eth0 convention); the second WAN is another WAN
 * of a load-balance group with a static IPv4 address; LAN is the first other Ethernet-like interface with a static
 * IPv4 address. Dummy and loopback
 * addresses live on the router's {@code lo}. Tunnel interfaces have no kernel counterpart (GRE is sent raw by
 * the router, see {@link ScenarioRenderer}); any other interface makes the router unsupported.
 */
record InterfaceMapping(NetInterface lan, NetInterface wan, NetInterface secondWan) {

    /** Routers without a second WAN. */
    InterfaceMapping(NetInterface lan, NetInterface wan) {
        this(lan, wan, null);
    }

    static InterfaceMapping of(Router router) {
        NetInterface wan = byDefaultRoute(router)
                .or(() -> byPeerLocalAddress(router))
                .or(() -> firstEthernet(router))
                .orElseThrow(() -> new UnsupportedCase("no Ethernet interface with a static IPv4 address"));
        NetInterface secondWan = secondBalancedWan(router, wan).orElse(null);
        NetInterface lan = router.interfaces().stream()
                .filter(i -> i != wan
                        && i != secondWan
                        && isEthernetLike(i)
                        && firstIpv4(i).isPresent())
                .findFirst()
                .orElseThrow(() -> new UnsupportedCase("no LAN interface besides " + wan.name()));
        for (NetInterface other : router.interfaces()) {
            if (other != wan
                    && other != lan
                    && other != secondWan
                    && isEthernetLike(other)
                    && firstIpv4(other).isPresent()) {
                throw new UnsupportedCase("a further network interface " + other.name()
                        + " (the topology has a LAN, a WAN and a load balancer's second WAN)");
            }
        }
        return new InterfaceMapping(lan, wan, secondWan);
    }

    /** The load balancer's WAN other than {@code wan}, if it is an Ethernet interface with a static address. */
    private static Optional<NetInterface> secondBalancedWan(Router router, NetInterface wan) {
        List<NetInterface> others = router.loadBalanceGroups().stream()
                .flatMap(group -> group.wans().stream())
                .map(LoadBalancedWan::interfaceName)
                .distinct()
                .filter(name -> !name.equals(wan.name()))
                .flatMap(name -> router.findInterface(name).stream())
                .filter(i -> isEthernetLike(i) && firstIpv4(i).isPresent())
                .toList();
        if (others.size() > 1) {
            throw new UnsupportedCase("a load balancer with three WANs (the topology has two)");
        }
        return others.stream().findFirst();
    }

    Optional<NetInterface> secondWanInterface() {
        return Optional.ofNullable(secondWan);
    }

    /** The interfaces with a namespace behind them. */
    List<NetInterface> sides() {
        return secondWan == null ? List.of(lan, wan) : List.of(lan, wan, secondWan);
    }

    /** The kernel device for a router interface name; names without a counterpart stay as they are. */
    String kernelName(String routerInterface) {
        if (routerInterface.equals(wan.name())) return Topology.ROUTER_WAN_INTERFACE;
        if (routerInterface.equals(lan.name())) return Topology.ROUTER_LAN_INTERFACE;
        if (secondWan != null && routerInterface.equals(secondWan.name())) return Topology.ROUTER_SECOND_WAN_INTERFACE;
        return routerInterface;
    }

    /** The namespace a packet entering the router this way comes from. */
    Origin originOf(Ingress ingress) {
        return switch (ingress.kind()) {
            case LOCAL -> Origin.ROUTER;
            case INTERFACE ->
                sideOf(ingress.interfaceName())
                        .filter(side -> side != Origin.WAN2) // wan2 only receives: it has no hosts to send from
                        .orElseThrow(() -> new UnsupportedCase("packets arriving on " + ingress.interfaceName()));
            case DECRYPTED -> throw new UnsupportedCase("decrypted packets (this kernel has no ESP)");
        };
    }

    /** The namespace behind a router interface, if it is one of the two mapped ones. */
    Optional<Origin> sideOf(String routerInterface) {
        if (routerInterface == null) return Optional.empty();
        if (routerInterface.equals(wan.name())) return Optional.of(Origin.WAN);
        if (routerInterface.equals(lan.name())) return Optional.of(Origin.LAN);
        if (secondWan != null && routerInterface.equals(secondWan.name())) return Optional.of(Origin.WAN2);
        return Optional.empty();
    }

    static Optional<IPAddress> firstIpv4(NetInterface netInterface) {
        if (netInterface.dynamicAddress() || netInterface.disabled()) return Optional.empty();
        return netInterface.addresses().stream().filter(IPAddress::isIPv4).findFirst();
    }

    private static Optional<NetInterface> byDefaultRoute(Router router) {
        for (StaticRoute route : router.routes()) {
            Integer length = route.prefix().getNetworkPrefixLength();
            // the main table's: a load balancer's WAN tables hold default routes of their own
            if (route.inMainTable()
                    && route.nextHop() != null
                    && route.prefix().isIPv4()
                    && length != null
                    && length == 0) {
                Optional<NetInterface> onSubnet = onSubnetOf(router, route.nextHop());
                if (onSubnet.isPresent()) return onSubnet;
            }
        }
        return Optional.empty();
    }

    private static Optional<NetInterface> byPeerLocalAddress(Router router) {
        List<IpsecPeer> peers =
                router.ipsec() == null ? List.of() : router.ipsec().peers();
        for (IpsecPeer peer : peers) {
            IPAddress local = peer.localAddress() == null
                    ? null
                    : new inet.ipaddr.IPAddressString(peer.localAddress()).getAddress();
            if (local != null) {
                Optional<NetInterface> holder =
                        router.interfaceWithAddress(local).filter(InterfaceMapping::isEthernetLike);
                if (holder.isPresent()) return holder;
            }
        }
        return Optional.empty();
    }

    private static Optional<NetInterface> firstEthernet(Router router) {
        return router.interfaces().stream()
                .filter(i -> isEthernetLike(i) && firstIpv4(i).isPresent())
                .findFirst();
    }

    static Optional<NetInterface> onSubnetOf(Router router, IPAddress address) {
        return router.interfaces().stream()
                .filter(InterfaceMapping::isEthernetLike)
                .filter(i -> firstIpv4(i)
                        .map(a -> a.toPrefixBlock().contains(address.withoutPrefixLength()))
                        .orElse(false))
                .findFirst();
    }

    private static boolean isEthernetLike(NetInterface netInterface) {
        InterfaceKind kind = netInterface.kind();
        return kind == InterfaceKind.ETHERNET
                || kind == InterfaceKind.VLAN
                || kind == InterfaceKind.BONDING
                || kind == InterfaceKind.BRIDGE
                || kind == InterfaceKind.SWITCH;
    }
}
