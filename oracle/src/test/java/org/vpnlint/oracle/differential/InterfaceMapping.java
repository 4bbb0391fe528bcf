package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.Topology;

/**
 * Which of the router's interfaces play the two veths of the test topology: the WAN interface becomes {@code r1}
 * (facing the wan namespace, i.e. the Internet and every IPsec peer), the LAN interface {@code r0}.
 *
 * <p>WAN is the interface whose subnet holds the default route's next hop, or else the one holding the first peer's
 * local address, or else the first Ethernet-like interface (VyOS's eth0 convention); LAN is the first other
 * Ethernet-like interface with a static IPv4 address. Dummy and loopback
 * addresses live on the router's {@code lo}. Tunnel interfaces have no kernel counterpart (GRE is sent raw by
 * the router, see {@link ScenarioRenderer}); any other interface makes the router unsupported.
 */
record InterfaceMapping(NetInterface lan, NetInterface wan) {

    static InterfaceMapping of(Router router) {
        NetInterface wan = byDefaultRoute(router)
                .or(() -> byPeerLocalAddress(router))
                .or(() -> firstEthernet(router))
                .orElseThrow(() -> new UnsupportedCase("no Ethernet interface with a static IPv4 address"));
        NetInterface lan = router.interfaces().stream()
                .filter(i -> i != wan && isEthernetLike(i) && firstIpv4(i).isPresent())
                .findFirst()
                .orElseThrow(() -> new UnsupportedCase("no LAN interface besides " + wan.name()));
        for (NetInterface other : router.interfaces()) {
            if (other != wan
                    && other != lan
                    && isEthernetLike(other)
                    && firstIpv4(other).isPresent()) {
                throw new UnsupportedCase("a third network interface " + other.name() + " (the topology has two)");
            }
        }
        return new InterfaceMapping(lan, wan);
    }

    /** The kernel device for a router interface name; names without a counterpart stay as they are. */
    String kernelName(String routerInterface) {
        if (routerInterface.equals(wan.name())) return Topology.ROUTER_WAN_INTERFACE;
        if (routerInterface.equals(lan.name())) return Topology.ROUTER_LAN_INTERFACE;
        return routerInterface;
    }

    /** The namespace a packet entering the router this way comes from. */
    Origin originOf(Ingress ingress) {
        return switch (ingress.kind()) {
            case LOCAL -> Origin.ROUTER;
            case INTERFACE ->
                sideOf(ingress.interfaceName())
                        .orElseThrow(() -> new UnsupportedCase("packets arriving on " + ingress.interfaceName()));
            case DECRYPTED -> throw new UnsupportedCase("decrypted packets (this kernel has no ESP)");
        };
    }

    /** The namespace behind a router interface, if it is one of the two mapped ones. */
    Optional<Origin> sideOf(String routerInterface) {
        if (routerInterface == null) return Optional.empty();
        if (routerInterface.equals(wan.name())) return Optional.of(Origin.WAN);
        if (routerInterface.equals(lan.name())) return Optional.of(Origin.LAN);
        return Optional.empty();
    }

    static Optional<IPAddress> firstIpv4(NetInterface netInterface) {
        if (netInterface.dynamicAddress() || netInterface.disabled()) return Optional.empty();
        return netInterface.addresses().stream().filter(IPAddress::isIPv4).findFirst();
    }

    private static Optional<NetInterface> byDefaultRoute(Router router) {
        for (StaticRoute route : router.routes()) {
            Integer length = route.prefix().getNetworkPrefixLength();
            if (route.nextHop() != null && route.prefix().isIPv4() && length != null && length == 0) {
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
