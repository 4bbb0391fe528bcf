package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.datapath.SaLifecycle;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Router;

/**
 * Reads the router's enabled policy-based tunnels into {@link RenderedTunnel}s, in configuration order (the order
 * strongSwan loads them, which decides between kernel policies of equal priority).
 *
 * <p>Whether a down SA leaves trap policies behind is strongSwan's lifecycle, which the kernel cannot show; it is
 * taken from the model's {@link SaLifecycle} (checked against charon by the IKE differential test). The selectors,
 * which the kernel does act on, are derived here independently of the datapath's compiler.
 */
final class TunnelReader {

    private TunnelReader() {}

    static List<RenderedTunnel> read(Router router, SaStates states, InterfaceMapping interfaces, IPAddress wanHost) {
        IpsecConfig ipsec = router.ipsec() == null ? IpsecConfig.NONE : router.ipsec();
        List<RenderedTunnel> tunnels = new ArrayList<>();
        for (IpsecPeer peer : ipsec.peers()) {
            if (peer.disabled()) continue;
            if (peer.vtiInterface() != null) throw new UnsupportedCase("route-based (VTI) peer " + peer.name());
            PeerEndpoints endpoints = PeerEndpoints.of(router, peer, interfaces, wanHost);
            SaLifecycle lifecycle = SaLifecycle.of(
                    router.dialect(),
                    peer,
                    peer.ikeGroup() == null ? null : ipsec.ikeGroups().get(peer.ikeGroup()));
            for (IpsecTunnel tunnel : peer.tunnels()) {
                if (tunnel.disabled()) continue;
                tunnels.add(read(ipsec, peer, tunnel, endpoints, lifecycle, states));
            }
        }
        return tunnels;
    }

    private static RenderedTunnel read(
            IpsecConfig ipsec,
            IpsecPeer peer,
            IpsecTunnel tunnel,
            PeerEndpoints endpoints,
            SaLifecycle lifecycle,
            SaStates states) {
        TunnelRef ref = new TunnelRef(peer.name(), tunnel.number());
        String espName = tunnel.espGroup() != null ? tunnel.espGroup() : peer.defaultEspGroup();
        EspGroup esp = espName == null ? null : ipsec.espGroups().get(espName);
        boolean transport = esp != null && esp.transportMode();
        boolean prefixesNamed =
                !tunnel.localPrefixes().isEmpty() || !tunnel.remotePrefixes().isEmpty();
        // No prefix: no local_ts/remote_ts line, strongSwan's "dynamic" = the endpoints, all protocols.
        // Transport mode: local_ts = local-address[proto/port], remote_ts = remote-address[proto/port].
        boolean restricted = transport || prefixesNamed;
        List<IPAddress> locals = transport || tunnel.localPrefixes().isEmpty()
                ? List.of(endpoints.local())
                : ipv4(tunnel.localPrefixes());
        List<IPAddress> remotes = transport || tunnel.remotePrefixes().isEmpty()
                ? List.of(endpoints.remote())
                : ipv4(tunnel.remotePrefixes());
        boolean remoteEndpointSelector = transport || tunnel.remotePrefixes().isEmpty();
        if (remoteEndpointSelector && !endpoints.remoteKnown()) {
            throw new UnsupportedCase(ref + ": its selector is a peer address only the running router knows");
        }
        boolean localEndpointSelector = transport || tunnel.localPrefixes().isEmpty();
        if (localEndpointSelector && !endpoints.localResolved()) {
            throw new UnsupportedCase(ref + ": its selector is local-address any, and no route leads to the peer");
        }
        boolean up = states.isUp(ref);
        RenderedTunnel.PolicyState state = up
                ? RenderedTunnel.PolicyState.REGULAR
                : lifecycle.policiesSurviveDown() ? RenderedTunnel.PolicyState.TRAP : RenderedTunnel.PolicyState.ABSENT;
        return new RenderedTunnel(
                ref,
                tunnel,
                endpoints,
                locals,
                remotes,
                restricted ? tunnel.protocol() : null,
                restricted ? tunnel.localPort() : null,
                restricted ? tunnel.remotePort() : null,
                transport,
                state);
    }

    private static List<IPAddress> ipv4(List<IPAddress> prefixes) {
        return prefixes.stream().filter(IPAddress::isIPv4).toList();
    }
}
