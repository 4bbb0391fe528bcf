package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.oracle.IpProtocol;
import org.vpnlint.oracle.PolicyDirection;
import org.vpnlint.oracle.TemplateMode;
import org.vpnlint.oracle.TrafficSelector;
import org.vpnlint.oracle.XfrmPolicy;
import org.vpnlint.oracle.XfrmTemplate;

/**
 * The XFRM policies strongSwan installs for the tunnels: per local × remote selector pair an {@code out} policy
 * (local → remote) and {@code in} and, in tunnel mode, {@code fwd} policies (remote → local, ports swapped).
 * strongSwan leaves out the "outbound fwd" policy unless {@code policies_fwd_out} is set, which VyOS does not.
 *
 * <p>Templates stand in for the SA state (the kernel has no ESP): a regular outbound policy gets
 * {@link TemplateMode#TRANSPORT_USE}, a trap outbound policy {@link TemplateMode#TUNNEL_REQUIRED}. Inbound policies
 * always get {@code TUNNEL_REQUIRED}: for a cleartext packet a real SA changes nothing (no secpath either way).
 *
 * <p>Priorities follow strongSwan's kernel-netlink {@code get_priority} (docs/semantics/strongswan.md#policy-priority):
 * 400000 for regular and trap policies, minus 512 per prefix bit of both selectors, 256 for a protocol, 4 per port-mask
 * bit, and 1 unless it is a trap, so the regular policy beats its own trap. Each outbound policy gets its own reqid
 * because the oracle identifies matched policies by reqid.
 */
final class XfrmPolicyRenderer {

    private static final int PRIORITY_BASE = 400_000;

    private final List<XfrmPolicy> policies = new ArrayList<>();
    private final Map<Integer, TunnelRef> tunnelByReqid = new LinkedHashMap<>();

    XfrmPolicyRenderer(List<RenderedTunnel> tunnels) {
        for (RenderedTunnel tunnel : tunnels) {
            if (tunnel.state() == RenderedTunnel.PolicyState.ABSENT) continue;
            for (IPAddress local : tunnel.localSelectors()) {
                for (IPAddress remote : tunnel.remoteSelectors()) {
                    addPolicies(tunnel, local, remote);
                }
            }
        }
    }

    List<XfrmPolicy> policies() {
        return List.copyOf(policies);
    }

    /** The tunnel of each outbound policy, by the reqid of its template. */
    Map<Integer, TunnelRef> tunnelByReqid() {
        return Map.copyOf(tunnelByReqid);
    }

    private void addPolicies(RenderedTunnel tunnel, IPAddress local, IPAddress remote) {
        boolean trap = tunnel.state() == RenderedTunnel.PolicyState.TRAP;
        int reqid = tunnelByReqid.size() + 1;
        tunnelByReqid.put(reqid, tunnel.ref());
        int priority = priority(tunnel, local, remote, trap);
        IpProtocol protocol = protocol(tunnel);
        int localPort = tunnel.localPort() == null ? 0 : tunnel.localPort();
        int remotePort = tunnel.remotePort() == null ? 0 : tunnel.remotePort();
        String localEndpoint = Ipv4Text.host(tunnel.endpoints().local());
        String remoteEndpoint = Ipv4Text.host(tunnel.endpoints().remote());

        TrafficSelector outbound =
                new TrafficSelector(Ipv4Text.prefix(local), Ipv4Text.prefix(remote), protocol, localPort, remotePort);
        TemplateMode outMode = trap ? TemplateMode.TUNNEL_REQUIRED : TemplateMode.TRANSPORT_USE;
        policies.add(new XfrmPolicy(
                outbound,
                PolicyDirection.OUT,
                new XfrmTemplate(localEndpoint, remoteEndpoint, reqid, outMode),
                priority));

        TrafficSelector inbound =
                new TrafficSelector(Ipv4Text.prefix(remote), Ipv4Text.prefix(local), protocol, remotePort, localPort);
        XfrmTemplate inboundTemplate =
                new XfrmTemplate(remoteEndpoint, localEndpoint, reqid, TemplateMode.TUNNEL_REQUIRED);
        policies.add(new XfrmPolicy(inbound, PolicyDirection.IN, inboundTemplate, priority));
        if (!tunnel.transportMode()) {
            policies.add(new XfrmPolicy(inbound, PolicyDirection.FWD, inboundTemplate, priority));
        }
    }

    static int priority(RenderedTunnel tunnel, IPAddress local, IPAddress remote, boolean trap) {
        int priority = PRIORITY_BASE - 512 * (Ipv4Text.length(local) + Ipv4Text.length(remote));
        if (tunnel.protocol() != null) priority -= 256;
        if (tunnel.localPort() != null) priority -= 4 * 16;
        if (tunnel.remotePort() != null) priority -= 4 * 16;
        return trap ? priority : priority - 1;
    }

    private static IpProtocol protocol(RenderedTunnel tunnel) {
        if (tunnel.protocol() == null) return null;
        try {
            return IpProtocol.parse(Integer.toString(tunnel.protocol()));
        } catch (IllegalArgumentException e) {
            throw new UnsupportedCase(tunnel.ref() + ": selector protocol " + tunnel.protocol());
        }
    }
}
