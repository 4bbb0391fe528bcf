package org.vpnlint.checks.datapath;

import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/** The policy-routing rule a replayed packet met in mangle PREROUTING, found by the location its step names. */
record PolicyMark(PolicyRoute ruleset, PolicyRouteRule rule) {

    /** The rule at this location, or null when the packet met none. */
    static PolicyMark of(Router router, SourceLocation location) {
        if (location == null) return null;
        for (PolicyRoute ruleset : router.policyRoutes()) {
            for (PolicyRouteRule rule : ruleset.rules()) {
                if (location.equals(rule.location())) return new PolicyMark(ruleset, rule);
            }
        }
        return null;
    }
}
