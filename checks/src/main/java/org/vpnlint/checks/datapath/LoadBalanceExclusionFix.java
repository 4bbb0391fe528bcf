package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;

/**
 * Keeps a tunnel's traffic away from the load balancer, as EdgeOS and VyOS users are told to: on EdgeOS a
 * {@code firewall modify} rule with {@code modify table main} numbered before the {@code lb-group} rule (the policy
 * routing exemption); on VyOS a {@code load-balancing wan rule N exclude} for the same inbound interface and the
 * remote prefix, numbered before the balancing rule. Unmarked, the connection is neither routed by a WAN's table nor
 * source-NATed by the load balancer (docs/semantics/wan-load-balancing.md).
 */
final class LoadBalanceExclusionFix {

    private LoadBalanceExclusionFix() {}

    /** @return the fix, or null when no free rule number is left below the balancing rule */
    static ConfigChange forRule(
            Router router, PolicyRoute ruleset, PolicyRouteRule balancing, List<IPAddress> remotePrefixes) {
        if (router.dialect() == Dialect.EDGEOS) {
            return PolicyRouteExemptionFix.forRule(router, ruleset, balancing, remotePrefixes);
        }
        // every load-balancing wan rule shares one numbering: the parser made a ruleset of each
        List<PolicyRouteRule> all = new ArrayList<>();
        for (PolicyRoute other : router.policyRoutes()) {
            if (other.name().equals(ruleset.name())) all.addAll(other.rules());
        }
        PolicyRoute numbering =
                new PolicyRoute(ruleset.name(), false, ruleset.interfaces(), all, ruleset.path(), ruleset.location());
        List<Integer> numbers =
                PolicyRouteExemptionFix.freeNumbersBelow(numbering, balancing.number(), remotePrefixes.size());
        if (numbers == null) return null;
        ConfigChange change = new ConfigChange();
        for (int i = 0; i < remotePrefixes.size(); i++) {
            List<Segment> rule =
                    List.of(Segment.of("load-balancing"), Segment.of("wan"), Segment.of("rule", numbers.get(i)));
            change.set(rule, Segment.of("exclude"));
            change.set(
                    rule, Segment.of("inbound-interface", ruleset.interfaces().get(0)));
            change.set(
                    rule,
                    Segment.of("destination"),
                    Segment.of("address", NatExcludeFix.prefixText(remotePrefixes.get(i))));
        }
        return change;
    }
}
