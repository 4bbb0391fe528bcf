package org.vpnlint.model;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * A policy-based {@code tunnel N} of a peer (one strongSwan CHILD_SA). Empty prefix lists mean the
 * configuration names none: VyOS then renders no traffic selector and strongSwan uses the IKE endpoints
 * with all protocols. {@code protocol}, {@code localPort}, {@code remotePort} are null when unset.
 */
public record IpsecTunnel(
        int number,
        List<IPAddress> localPrefixes,
        List<IPAddress> remotePrefixes,
        Integer protocol,
        Integer localPort,
        Integer remotePort,
        String espGroup,
        boolean disabled,
        SourceLocation location) {

    public IpsecTunnel {
        localPrefixes = List.copyOf(localPrefixes);
        remotePrefixes = List.copyOf(remotePrefixes);
    }
}
