package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.StaticRoute;

/**
 * Where a witness may enter, in the pipeline's ingress enumeration (see {@link CompiledRouter}).
 *
 * <p>A packet "from a network behind an interface" arrives on that interface with a source the router itself routes
 * there: a connected subnet of the interface, or a static route (not the default route) via a next hop in that subnet
 * or out of that interface. This keeps witnesses to traffic that really exists (no spoofed sources, which reverse-path
 * filtering would drop anyway).
 */
final class Ingresses {

    private Ingresses() {}

    /**
     * Arriving on an interface from a network the router routes to through that interface, from a host other than
     * the router itself (a packet with one of the router's own addresses as source would be a martian).
     */
    static <B, V> B fromNetworkBehindInterface(HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet) {
        B any = a.bool(false);
        for (int i = 1; i <= router.interfaces().size(); i++) {
            List<IPAddress> networks = networksBehind(router, router.interfaceAt(i));
            if (networks.isEmpty()) continue;
            any = a.or(
                    any,
                    a.and(
                            a.eq(packet.ingress(), index(a, i)),
                            AddressTerms.inAnyPrefix(
                                    a, router.family(), packet.header().src(), networks)));
        }
        for (NetInterface netInterface : router.interfaces()) {
            for (IPAddress own : netInterface.addresses()) {
                if (router.family().contains(own)) {
                    any = a.and(
                            any,
                            a.not(AddressTerms.is(
                                    a, router.family(), packet.header().src(), own)));
                }
            }
        }
        return any;
    }

    /** From a network behind an interface, or sent by the router itself (not decrypted). */
    static <B, V> B fromNetworkOrLocal(HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet) {
        return a.or(a.eq(packet.ingress(), index(a, 0)), fromNetworkBehindInterface(a, router, packet));
    }

    /** Decrypted by the tunnel with this index. */
    static <B, V> B decryptedBy(
            HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, int tunnelIndex) {
        return a.eq(packet.ingress(), index(a, router.interfaces().size() + tunnelIndex));
    }

    static List<IPAddress> networksBehind(CompiledRouter router, NetInterface netInterface) {
        List<IPAddress> networks = new ArrayList<>();
        if (netInterface.disabled()
                || netInterface.kind() == InterfaceKind.DUMMY
                || netInterface.kind() == InterfaceKind.LOOPBACK) {
            return networks;
        }
        List<IPAddress> subnets = new ArrayList<>();
        for (IPAddress address : netInterface.addresses()) {
            if (router.family().contains(address) && address.getNetworkPrefixLength() != null) {
                subnets.add(address.toPrefixBlock());
            }
        }
        networks.addAll(subnets);
        for (StaticRoute route : router.router().routes()) {
            if (!route.inMainTable()
                    || !router.family().contains(route.prefix())
                    || route.prefix().getNetworkPrefixLength() == null
                    || route.prefix().getNetworkPrefixLength() == 0) {
                continue;
            }
            boolean viaThisInterface =
                    route.kind() == RouteKind.INTERFACE && netInterface.name().equals(route.interfaceName())
                            || route.kind() == RouteKind.NEXT_HOP
                                    && route.nextHop() != null
                                    && subnets.stream().anyMatch(s -> s.contains(route.nextHop()));
            if (viaThisInterface) networks.add(route.prefix().toPrefixBlock());
        }
        return networks;
    }

    private static <B, V> V index(HeaderAlgebra<B, V> a, int value) {
        return a.bits(value, CompiledRouter.INDEX_WIDTH);
    }
}
