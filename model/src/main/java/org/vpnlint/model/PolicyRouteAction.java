package org.vpnlint.model;

/**
 * What a policy-routing rule does to a matching packet. {@code SET_TABLE} marks the packet so that the
 * {@code ip rule} VyOS installs for that table selects it, and ends the ruleset; {@code SET_MARK} only sets a mark
 * (no {@code ip rule} of VyOS looks at it) and the next rule still runs; {@code DROP} drops the packet in
 * PREROUTING; {@code ACCEPT} ends the ruleset without changing the packet. {@code LOAD_BALANCE} marks the
 * connection for one WAN of a {@link LoadBalanceGroup} (which one is left open) and ends the ruleset: EdgeOS
 * {@code modify lb-group NAME}, a VyOS {@code load-balancing wan} rule. {@code UNKNOWN}: the rule steers in a
 * way vpnlint does not read (a VRF, an unknown setting); the data path lets the packet pass it as if it did not
 * match, and the rule carries an {@link Approximation.Direction#UNKNOWN_ACTION} approximation saying so.
 */
public enum PolicyRouteAction {
    SET_TABLE,
    SET_MARK,
    DROP,
    ACCEPT,
    UNKNOWN,
    LOAD_BALANCE
}
