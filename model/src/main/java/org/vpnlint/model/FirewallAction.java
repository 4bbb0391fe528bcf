package org.vpnlint.model;

/** What a firewall rule (or a chain's default action) does with a matching packet. */
public enum FirewallAction {
    ACCEPT,
    DROP,
    REJECT,
    JUMP,
    RETURN,
    CONTINUE
}
