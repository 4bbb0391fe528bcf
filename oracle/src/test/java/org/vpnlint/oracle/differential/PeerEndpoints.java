package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;

/**
 * The IKE/ESP endpoints of a peer as the kernel's templates and strongSwan's "dynamic" selectors need them.
 *
 * <p>{@code local-address any}: strongSwan uses the kernel's source address towards the peer (trap_manager's
 * get_source_addr, or the IKE_SA's address), i.e. the address of the interface the route to the peer leaves by.
 * Without a route to the peer there is none; templates then get the WAN address, which decides nothing observable.
 * A remote address only the running router knows ({@code @id} peers, {@code any}) becomes the wan namespace's
 * address: it decides nothing in templates either, and in table-220 next hops it is what a peer behind the WAN is.
 *
 * @param localConfigured whether the configuration fixes the local address
 * @param localResolved   whether the local address is known (configured, or the source towards the peer)
 * @param remoteKnown     whether the configuration fixes the remote address
 */
record PeerEndpoints(
        IPAddress local, IPAddress remote, boolean localConfigured, boolean localResolved, boolean remoteKnown) {

    static PeerEndpoints of(Router router, IpsecPeer peer, InterfaceMapping interfaces, IPAddress wanHost) {
        IPAddress remote = null;
        for (String address : peer.remoteAddresses()) {
            remote = remote != null ? remote : Ipv4Text.literal(address);
        }
        if (remote == null && router.dialect().legacyIpsecSyntax()) remote = Ipv4Text.literal(peer.name());
        boolean remoteKnown = remote != null;
        if (!remoteKnown) remote = wanHost;

        IPAddress configured = Ipv4Text.literal(peer.localAddress());
        if (configured != null) return new PeerEndpoints(configured, remote, true, true, remoteKnown);
        Optional<IPAddress> source = sourceTowards(router, interfaces, remote);
        IPAddress wanAddress =
                InterfaceMapping.firstIpv4(interfaces.wan()).orElseThrow().withoutPrefixLength();
        return new PeerEndpoints(source.orElse(wanAddress), remote, false, source.isPresent(), remoteKnown);
    }

    /** The address of the LAN or WAN interface the route to {@code destination} leaves by. */
    private static Optional<IPAddress> sourceTowards(
            Router router, InterfaceMapping interfaces, IPAddress destination) {
        for (NetInterface side : List.of(interfaces.wan(), interfaces.lan())) {
            IPAddress address = InterfaceMapping.firstIpv4(side).orElseThrow();
            if (LayoutRenderer.onSubnet(address, destination)) return Optional.of(address.withoutPrefixLength());
        }
        StaticRoute best = null;
        for (StaticRoute route : router.routes()) {
            if (!route.prefix().isIPv4() || !route.prefix().toPrefixBlock().contains(destination)) continue;
            boolean longer = best == null || Ipv4Text.length(route.prefix()) > Ipv4Text.length(best.prefix());
            boolean closer = best != null
                    && Ipv4Text.length(route.prefix()) == Ipv4Text.length(best.prefix())
                    && route.distance() < best.distance();
            if (longer || closer) best = route;
        }
        if (best == null || best.kind() != RouteKind.NEXT_HOP) return Optional.empty();
        return InterfaceMapping.onSubnetOf(router, best.nextHop())
                .flatMap(InterfaceMapping::firstIpv4)
                .map(IPAddress::withoutPrefixLength);
    }
}
