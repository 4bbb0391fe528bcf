package org.vpnlint.model;

/** The filter configuration of both address families. */
public record FirewallConfig(FirewallFamily ipv4, FirewallFamily ipv6) {

    public static final FirewallConfig OPEN = new FirewallConfig(FirewallFamily.OPEN, FirewallFamily.OPEN);
}
