package org.vpnlint.datapath;

import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;

/**
 * A policy-routing rule that steers packets, with the interfaces its ruleset is bound to: the mangle PREROUTING
 * rules in the order they run (rulesets in configuration order, rules by number). Rules that only set a mark are
 * left out, since no ip rule VyOS installs looks at such a mark.
 */
record CompiledPolicyRule(PolicyRoute ruleset, PolicyRouteRule rule, InterfaceMatch boundTo) {

    /** The table a matching packet looks up first, 0 for none (drop, accept, or {@code set table main}). */
    int table() {
        return switch (rule.action()) {
            case SET_TABLE -> rule.table() == PolicyRouteRule.MAIN_TABLE ? 0 : rule.table();
            default -> 0;
        };
    }
}
