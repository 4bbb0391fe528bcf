package org.vpnlint.datapath;

import java.util.List;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.LoadBalanceGroup;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;

/**
 * A policy-routing rule that steers packets, with the interfaces its ruleset is bound to: the mangle PREROUTING
 * rules in the order they run (rulesets in configuration order, rules by number). Rules that only set a mark are
 * left out, since no ip rule VyOS installs looks at such a mark. A load-balancing rule carries its group: it marks
 * the packet for the table of one of the group's WANs, which one being the load balancer's choice.
 *
 * @param group the load-balance group of a {@link PolicyRouteAction#LOAD_BALANCE} rule, otherwise null
 */
record CompiledPolicyRule(PolicyRoute ruleset, PolicyRouteRule rule, InterfaceMatch boundTo, LoadBalanceGroup group) {

    CompiledPolicyRule(PolicyRoute ruleset, PolicyRouteRule rule, InterfaceMatch boundTo) {
        this(ruleset, rule, boundTo, null);
    }

    /** The table a matching packet looks up first, 0 for none (drop, accept, {@code set table main}, balancing). */
    int table() {
        return switch (rule.action()) {
            case SET_TABLE -> rule.table() == PolicyRouteRule.MAIN_TABLE ? 0 : rule.table();
            default -> 0;
        };
    }

    /** Every table a matching packet may look up first: the one of {@link #table()}, or each balanced WAN's. */
    List<Integer> tables() {
        if (balances()) return group.wans().stream().map(LoadBalancedWan::table).toList();
        return table() == 0 ? List.of() : List.of(table());
    }

    /** Whether the rule sends the packet to a load-balance group the router has. */
    boolean balances() {
        return rule.action() == PolicyRouteAction.LOAD_BALANCE
                && group != null
                && !group.wans().isEmpty();
    }
}
