package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.SourceLocation;

/**
 * One CHILD_SA as the kernel sees it, for one address family.
 *
 * @param index            1-based number of the tunnel in the pipeline's tunnel enumeration (0 means "none")
 * @param localSelectors   local traffic selectors (prefixes of this family); empty when no policy can be built
 * @param remoteSelectors  remote traffic selectors
 * @param protocol         selector protocol, null for all protocols
 * @param localPort        selector local (source) port, null for any
 * @param remotePort       selector remote (destination) port, null for any
 * @param localEndpoint    IKE/ESP local address: {@code local-address}, or with {@code local-address any} the
 *                         source address towards the peer; null when only the running router knows it
 * @param remoteEndpoint   the peer's address, null when unknown ({@code any}, a host name)
 * @param outerEgress      interface index the ESP packets leave by (and arrive on); 0 when unknown
 * @param routeSource      the local address inside local_ts used as {@code src} of the table-220 route, null for none
 * @param installsRoute    whether strongSwan installs table-220 routes to the remote selectors
 * @param vtiInterface     the VTI this route-based SA is bound to, null for policy-based tunnels
 */
public record CompiledTunnel(
        int index,
        TunnelRef ref,
        IpsecPeer peer,
        SaLifecycle lifecycle,
        List<IPAddress> localSelectors,
        List<IPAddress> remoteSelectors,
        Integer protocol,
        Integer localPort,
        Integer remotePort,
        boolean transportMode,
        IPAddress localEndpoint,
        IPAddress remoteEndpoint,
        int outerEgress,
        boolean udpEncapsulation,
        IPAddress routeSource,
        boolean installsRoute,
        String vtiInterface,
        SourceLocation location) {

    public CompiledTunnel {
        localSelectors = List.copyOf(localSelectors);
        remoteSelectors = List.copyOf(remoteSelectors);
    }

    public boolean hasPolicies() {
        return vtiInterface == null && !localSelectors.isEmpty() && !remoteSelectors.isEmpty();
    }

    /** E.g. {@code 192.168.10.0/24 → 10.10.10.0/24} or {@code 192.0.2.10 → 203.0.113.20 (all protocols)}. */
    public String selectorText() {
        if (vtiInterface != null) return "route-based via " + vtiInterface;
        if (!hasPolicies()) return "no selectors";
        StringBuilder text =
                new StringBuilder(prefixes(localSelectors)).append(" → ").append(prefixes(remoteSelectors));
        if (protocol != null) text.append(" proto ").append(org.vpnlint.model.ProtocolMatch.name(protocol));
        if (localPort != null) text.append(" sport ").append(localPort);
        if (remotePort != null) text.append(" dport ").append(remotePort);
        return text.toString();
    }

    /** "tunnel 1 of peer 192.0.2.150 (192.168.10.0/24 → 10.10.10.0/24)". */
    public String describe() {
        return ref + " (" + selectorText() + ")";
    }

    private static String prefixes(List<IPAddress> selectors) {
        return selectors.size() == 1
                ? text(selectors.get(0))
                : "{"
                        + String.join(
                                ", ",
                                selectors.stream().map(CompiledTunnel::text).toList()) + "}";
    }

    private static String text(IPAddress prefix) {
        Integer length = prefix.getNetworkPrefixLength();
        return length != null && length == prefix.getBitCount()
                ? prefix.withoutPrefixLength().toCompressedString()
                : prefix.toCompressedString();
    }
}
