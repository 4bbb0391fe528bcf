package org.vpnlint.datapath;

import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.SourceLocation;

/**
 * An accept rule EdgeOS inserts before the user's rules with {@code vpn ipsec auto-firewall-nat-exclude enable}
 * (docs/semantics/vyos-rendering.md#auto-firewall-nat-exclude): FORWARD accepts remote → local prefixes of each tunnel,
 * INPUT accepts IKE and ESP.
 */
public record AutoAccept(PacketMatch match, String label, SourceLocation location) {}
