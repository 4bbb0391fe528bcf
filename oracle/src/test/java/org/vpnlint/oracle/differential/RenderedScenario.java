package org.vpnlint.oracle.differential;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.oracle.KernelScenario;

/**
 * A case rendered for the kernel, with what is needed to read the observation back in model terms.
 *
 * @param scenario      routes, rules, nftables, XFRM policies and the probe
 * @param interfaces    which router interface is which veth
 * @param tunnels       the tunnels as the renderer read them
 * @param tunnelByReqid the tunnel of each outbound policy
 */
record RenderedScenario(
        KernelScenario scenario,
        InterfaceMapping interfaces,
        List<RenderedTunnel> tunnels,
        Map<Integer, TunnelRef> tunnelByReqid) {

    RenderedScenario {
        tunnels = List.copyOf(tunnels);
        tunnelByReqid = Map.copyOf(tunnelByReqid);
    }

    /** The rendered tunnel behind a reference, if the renderer read one. */
    Optional<RenderedTunnel> tunnel(TunnelRef ref) {
        return tunnels.stream().filter(t -> t.ref().equals(ref)).findFirst();
    }
}
