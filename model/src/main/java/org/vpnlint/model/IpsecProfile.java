package org.vpnlint.model;

import java.util.List;

/**
 * A DMVPN {@code vpn ipsec profile}: the IKE and ESP groups and the pre-shared key that protect the GRE packets of the
 * multipoint tunnels it is bound to ({@code bind tunnel tunN}). VyOS renders one strongSwan connection per bound
 * tunnel with GRE-only selectors between the two outer addresses and no fixed remote address; the NHRP daemon starts
 * each SA when it needs a peer (docs/semantics/dmvpn.md#profile-rendering). {@code presharedKey} is null unless the mode is
 * pre-shared-secret and a secret is written.
 */
public record IpsecProfile(
        String name,
        List<String> boundTunnels,
        String ikeGroup,
        String espGroup,
        AuthenticationMode authenticationMode,
        PresharedKey presharedKey,
        boolean disabled,
        String path,
        SourceLocation location) {

    public IpsecProfile {
        boundTunnels = List.copyOf(boundTunnels);
    }
}
