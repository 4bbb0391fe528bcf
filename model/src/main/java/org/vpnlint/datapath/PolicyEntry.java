package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;

/**
 * One XFRM policy of a tunnel, in outbound orientation (local → remote); the in/fwd policies use the same
 * selector reversed. A tunnel has a regular policy (installed with the SA, template with state) and, when its
 * lifecycle keeps one, a trap policy (no state: drop + ACQUIRE). {@code priority} follows strongSwan's
 * kernel-netlink {@code get_priority} (docs/semantics/strongswan.md#policy-priority); the lower number wins.
 */
public record PolicyEntry(
        CompiledTunnel tunnel, IPAddress localPrefix, IPAddress remotePrefix, boolean trap, int priority) {

    private static final int PRIORITY_BASE = 400_000; // DEFAULT and ROUTED (trap) policies

    public static PolicyEntry of(CompiledTunnel tunnel, IPAddress localPrefix, IPAddress remotePrefix, boolean trap) {
        int priority =
                PRIORITY_BASE - 512 * (localPrefix.getNetworkPrefixLength() + remotePrefix.getNetworkPrefixLength());
        if (tunnel.protocol() != null) priority -= 256;
        if (tunnel.localPort() != null) priority -= 4 * 16; // a single port: 16 mask bits
        if (tunnel.remotePort() != null) priority -= 4 * 16;
        if (!trap) priority -= 1; // the regular SA beats its own trap
        return new PolicyEntry(tunnel, localPrefix, remotePrefix, trap, priority);
    }

    /** The selector this entry shares with the other entries of the same tunnel and prefix pair. */
    public Selector selector() {
        return new Selector(tunnel.index(), localPrefix, remotePrefix);
    }

    /** Identity of a selector, for sharing its match predicate between the regular and the trap entry. */
    public record Selector(int tunnelIndex, IPAddress localPrefix, IPAddress remotePrefix) {}
}
