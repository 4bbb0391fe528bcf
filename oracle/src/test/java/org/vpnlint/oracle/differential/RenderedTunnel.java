package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.model.IpsecTunnel;

/**
 * One CHILD_SA as strongSwan would set it up from VyOS's swanctl.conf
 * (docs/semantics/vyos-rendering.md#swanctl-child-selectors), read straight from the router
 * model rather than from the datapath's compiled tunnels, so that the two readings are checked against each other.
 *
 * @param localSelectors  local_ts: the local prefixes, or the local endpoint when no prefix is configured
 * @param remoteSelectors remote_ts, likewise
 * @param protocol        selector protocol, null for all (dropped when no prefix is configured)
 * @param localPort       selector local port, null for any
 * @param remotePort      selector remote port, null for any
 * @param transportMode   esp-group mode transport: endpoints as selectors, no fwd policy, no route
 * @param state           whether its policies are installed, and as what
 */
record RenderedTunnel(
        TunnelRef ref,
        IpsecTunnel tunnel,
        PeerEndpoints endpoints,
        List<IPAddress> localSelectors,
        List<IPAddress> remoteSelectors,
        Integer protocol,
        Integer localPort,
        Integer remotePort,
        boolean transportMode,
        PolicyState state) {

    /** What the kernel holds for the tunnel, from its SA state and strongSwan's lifecycle. */
    enum PolicyState {
        /** SA up: the regular policies (template stand-in {@code transport/use} on the outbound one). */
        REGULAR,
        /** SA down, trap policies kept (start_action/dpd_action/close_action trap): {@code tunnel/required}. */
        TRAP,
        /** SA down and its policies deleted with it: nothing. */
        ABSENT
    }

    RenderedTunnel {
        localSelectors = List.copyOf(localSelectors);
        remoteSelectors = List.copyOf(remoteSelectors);
    }

    boolean hasSelectorRestrictions() {
        return protocol != null || localPort != null || remotePort != null;
    }
}
