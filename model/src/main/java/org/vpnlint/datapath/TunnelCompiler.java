package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;

/**
 * Turns the IPsec peers into CHILD_SAs as strongSwan installs them from what VyOS renders
 * (docs/semantics/vyos-rendering.md#swanctl-child-selectors): selectors,
 * IKE endpoints, the interface the ESP packets use, whether a table-220 route is installed, and the XFRM policies
 * in priority order (docs/semantics/strongswan.md#policy-priority).
 */
final class TunnelCompiler {

    private final Router router;
    private final AddressFamily family;
    private final IpsecConfig ipsec;
    private final RouteCompiler routes;
    private final List<String> notes;

    TunnelCompiler(Router router, AddressFamily family, IpsecConfig ipsec, RouteCompiler routes, List<String> notes) {
        this.router = router;
        this.family = family;
        this.ipsec = ipsec;
        this.routes = routes;
        this.notes = notes;
    }

    List<CompiledTunnel> tunnels() {
        List<CompiledTunnel> tunnels = new ArrayList<>();
        for (IpsecPeer peer : ipsec.peers()) {
            if (peer.disabled()) continue;
            SaLifecycle lifecycle = SaLifecycle.of(
                    router.dialect(),
                    peer,
                    peer.ikeGroup() == null ? null : ipsec.ikeGroups().get(peer.ikeGroup()));
            IPAddress remote = remoteEndpoint(peer);
            IPAddress configuredLocal = literal(peer.localAddress());
            int outerEgress = outerEgress(configuredLocal, remote);
            IPAddress local = configuredLocal != null ? configuredLocal : sourceTowardsPeer(outerEgress);
            if (peer.vtiInterface() != null) {
                tunnels.add(new CompiledTunnel(
                        tunnels.size() + 1,
                        TunnelRef.vti(peer.name()),
                        peer,
                        lifecycle,
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null,
                        false,
                        local,
                        remote,
                        outerEgress,
                        peer.forceUdpEncapsulation(),
                        null,
                        false,
                        peer.vtiInterface(),
                        peer.location()));
            }
            for (IpsecTunnel tunnel : peer.tunnels()) {
                if (tunnel.disabled()) continue;
                tunnels.add(policyTunnel(tunnels.size() + 1, peer, tunnel, lifecycle, local, remote, outerEgress));
            }
        }
        return tunnels;
    }

    private CompiledTunnel policyTunnel(
            int index,
            IpsecPeer peer,
            IpsecTunnel tunnel,
            SaLifecycle lifecycle,
            IPAddress local,
            IPAddress remote,
            int outerEgress) {
        String espName = tunnel.espGroup() != null ? tunnel.espGroup() : peer.defaultEspGroup();
        EspGroup esp = espName == null ? null : ipsec.espGroups().get(espName);
        boolean transport = esp != null && esp.transportMode();
        List<IPAddress> locals;
        List<IPAddress> remotes;
        boolean selectorsNamed;
        if (transport) {
            // transport mode: local_ts = local-address[proto/port], remote_ts = remote-address[...]
            // (docs/semantics/vyos-rendering.md#transport-mode-selectors)
            locals = endpointSelector(local);
            remotes = endpointSelector(remote);
            selectorsNamed = true;
        } else {
            // no prefix ⇒ no local_ts/remote_ts line ⇒ strongSwan's "dynamic": the IKE endpoint, all protocols
            // (docs/semantics/vyos-rendering.md#no-prefix-means-dynamic)
            locals = tunnel.localPrefixes().isEmpty()
                    ? endpointSelector(local)
                    : prefixesOfFamily(tunnel.localPrefixes());
            remotes = tunnel.remotePrefixes().isEmpty()
                    ? endpointSelector(remote)
                    : prefixesOfFamily(tunnel.remotePrefixes());
            selectorsNamed = !tunnel.localPrefixes().isEmpty()
                    || !tunnel.remotePrefixes().isEmpty();
        }
        Integer protocol = selectorsNamed ? tunnel.protocol() : null;
        Integer localPort = selectorsNamed ? tunnel.localPort() : null;
        Integer remotePort = selectorsNamed ? tunnel.remotePort() : null;
        TunnelRef ref = new TunnelRef(peer.name(), tunnel.number());
        if ((tunnel.localPrefixes().isEmpty() && local == null)
                || (tunnel.remotePrefixes().isEmpty() && remote == null)) {
            notes.add(ref
                    + ": a selector is the IKE endpoint, which only the running router knows (no address of its own "
                    + "towards the peer, or the peer's address is not fixed); no policy is modelled");
        }
        IPAddress routeSource = routeSource(locals);
        boolean installsRoute = ipsec.routeAutoinstall()
                && !transport
                && protocol == null
                && localPort == null
                && remotePort == null
                && routeSource != null
                && outerEgress != 0;
        return new CompiledTunnel(
                index,
                ref,
                peer,
                lifecycle,
                locals,
                remotes,
                protocol,
                localPort,
                remotePort,
                transport,
                local,
                remote,
                outerEgress,
                peer.forceUdpEncapsulation(),
                routeSource,
                installsRoute,
                null,
                tunnel.location() != null ? tunnel.location() : peer.location());
    }

    static List<PolicyEntry> policies(List<CompiledTunnel> tunnels) {
        List<PolicyEntry> entries = new ArrayList<>();
        for (CompiledTunnel tunnel : tunnels) {
            if (!tunnel.hasPolicies()) continue;
            for (IPAddress local : tunnel.localSelectors()) {
                for (IPAddress remote : tunnel.remoteSelectors()) {
                    entries.add(PolicyEntry.of(tunnel, local, remote, false));
                    if (tunnel.lifecycle().policiesSurviveDown())
                        entries.add(PolicyEntry.of(tunnel, local, remote, true));
                }
            }
        }
        // equal priorities: the kernel keeps insertion order; the model takes configuration order
        entries.sort(Comparator.comparingInt(PolicyEntry::priority));
        return entries;
    }

    /** A local address inside local_ts (strongSwan get_address_by_ts), the source of the table-220 route. */
    private IPAddress routeSource(List<IPAddress> localSelectors) {
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled()) continue;
            for (IPAddress address : RouteCompiler.ownAddresses(netInterface, family)) {
                IPAddress host = address.withoutPrefixLength();
                if (localSelectors.stream().anyMatch(s -> s.contains(host))) return host;
            }
        }
        return null;
    }

    /**
     * {@code local-address any}: strongSwan takes the kernel's source address towards the peer (trap_manager and
     * IKE_SA alike), which for the model is the primary address of the interface the peer is routed by. It is both
     * the ESP packets' source and, for a tunnel without prefixes or in transport mode, the local selector.
     */
    private IPAddress sourceTowardsPeer(int outerEgress) {
        if (outerEgress == 0) return null;
        return RouteCompiler.primaryAddress(router.interfaces().get(outerEgress - 1), family)
                .orElse(null);
    }

    private int outerEgress(IPAddress local, IPAddress remote) {
        if (remote != null && family.contains(remote)) {
            int egress = routes.egressTowards(remote);
            if (egress != 0) return egress;
        }
        if (local != null) {
            return router.interfaceWithAddress(local)
                    .map(i -> router.interfaces().indexOf(i) + 1)
                    .orElse(0);
        }
        return 0;
    }

    private IPAddress remoteEndpoint(IpsecPeer peer) {
        for (String address : peer.remoteAddresses()) {
            IPAddress literal = literal(address);
            if (literal != null) return literal;
        }
        return router.dialect().legacyIpsecSyntax() ? literal(peer.name()) : null;
    }

    private static IPAddress literal(String text) {
        if (text == null) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("any") || lower.equals("0.0.0.0") || lower.equals("%any") || lower.startsWith("@"))
            return null;
        IPAddress address = new IPAddressString(text).getAddress();
        return address == null ? null : address.withoutPrefixLength();
    }

    private List<IPAddress> endpointSelector(IPAddress endpoint) {
        return endpoint != null && family.contains(endpoint) ? List.of(RouteCompiler.hostPrefix(endpoint)) : List.of();
    }

    private List<IPAddress> prefixesOfFamily(List<IPAddress> prefixes) {
        return prefixes.stream()
                .filter(family::contains)
                .map(TunnelCompiler::block)
                .toList();
    }

    /** The prefix block of a configured prefix; an address without a length is a host. */
    static IPAddress block(IPAddress prefix) {
        return prefix.getNetworkPrefixLength() == null ? RouteCompiler.hostPrefix(prefix) : prefix.toPrefixBlock();
    }
}
