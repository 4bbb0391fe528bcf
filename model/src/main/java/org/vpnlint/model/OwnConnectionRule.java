package org.vpnlint.model;

/**
 * One rule of the chain a WAN load balancer runs for the router's own new connections (VyOS
 * {@code load-balancing wan enable-local-traffic}, EdgeOS {@code load-balance group NAME lb-local enable}): in mangle
 * OUTPUT, after the route the socket chose, it matches {@code rule} and either marks the connection for a WAN of
 * {@code group}, which makes the kernel route the packet again by that WAN's table, or, with {@code group} null
 * (VyOS {@code exclude}), ends the chain and leaves the connection unmarked (docs/semantics/wan-load-balancing.md).
 *
 * @param ruleset  the ruleset the rule is read in; for VyOS the one its PREROUTING twin belongs to, so a fix can
 *                 renumber among all {@code load-balancing wan} rules
 * @param outbound the condition on the interface the original route chose: VyOS replaces a balancing rule's
 *                 {@code inbound-interface X} by "not leaving by X"; {@link InterfaceMatch#ANY} for none
 */
public record OwnConnectionRule(
        PolicyRoute ruleset, PolicyRouteRule rule, InterfaceMatch outbound, LoadBalanceGroup group) {

    /** Whether it marks the connection for a WAN, rather than excluding it. */
    public boolean balances() {
        return group != null && !group.wans().isEmpty();
    }
}
