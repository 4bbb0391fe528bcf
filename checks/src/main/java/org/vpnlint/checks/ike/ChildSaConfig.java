package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.IpsecTunnel;

/**
 * One CHILD_SA an end configures: a policy-based {@code tunnel N} or the route-based VTI child, with its local and
 * remote traffic selectors as VyOS renders them. Without prefixes VyOS writes no selector and strongSwan uses
 * {@code dynamic}: the IKE addresses (own IKE address locally, the partner's remote address remotely).
 */
public record ChildSaConfig(PeerEnd end, IpsecTunnel tunnel, TrafficSelector local, TrafficSelector remote) {

    private static final List<IPAddress> EVERYTHING =
            List.of(new IPAddressString("0.0.0.0/0").getAddress(), new IPAddressString("::/0").getAddress());

    public static List<ChildSaConfig> of(PeerEnd end) {
        List<ChildSaConfig> children = new ArrayList<>();
        if (end.peer().vtiInterface() != null) {
            children.add(new ChildSaConfig(
                    end,
                    null,
                    new TrafficSelector(EVERYTHING, null, null),
                    new TrafficSelector(EVERYTHING, null, null)));
        }
        for (IpsecTunnel tunnel : end.peer().tunnels()) {
            if (tunnel.disabled()) continue;
            List<IPAddress> local =
                    tunnel.localPrefixes().isEmpty() ? hostOrEmpty(end.ikeAddress()) : tunnel.localPrefixes();
            List<IPAddress> remote = tunnel.remotePrefixes().isEmpty()
                    ? hostOrEmpty(
                            end.remoteAddresses().isEmpty()
                                    ? null
                                    : end.remoteAddresses().get(0))
                    : tunnel.remotePrefixes();
            children.add(new ChildSaConfig(
                    end,
                    tunnel,
                    new TrafficSelector(local, tunnel.protocol(), tunnel.localPort()),
                    new TrafficSelector(remote, tunnel.protocol(), tunnel.remotePort())));
        }
        return children;
    }

    /** {@code tunnel 1} or {@code vti}. */
    public String name() {
        return tunnel == null ? "vti" : "tunnel " + tunnel.number();
    }

    private static List<IPAddress> hostOrEmpty(IPAddress address) {
        return address == null
                ? List.of()
                : List.of(address.withoutPrefixLength().toPrefixBlock(address.getBitCount()));
    }
}
