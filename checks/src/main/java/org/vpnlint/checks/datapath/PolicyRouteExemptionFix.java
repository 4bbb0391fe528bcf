package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;

/**
 * The policy-routing rule(s) that keep a tunnel's traffic in the main lookup, numbered below the rule that marks
 * it: one per remote prefix, {@code destination address P} with {@code set table main} (VyOS) or
 * {@code action modify} + {@code modify table main} (EdgeOS). With the mark gone, the packet meets strongSwan's
 * table 220 and the main table again, and its ESP leaves by the interface towards the peer.
 */
final class PolicyRouteExemptionFix {

    private PolicyRouteExemptionFix() {}

    /** @return the fix, or null when no free rule number is left below the marking rule */
    static ConfigChange forRule(
            Router router, PolicyRoute ruleset, PolicyRouteRule marking, List<IPAddress> remotePrefixes) {
        List<Integer> numbers = freeNumbersBelow(ruleset, marking.number(), remotePrefixes.size());
        if (numbers == null) return null;
        boolean edgeos = router.dialect() == Dialect.EDGEOS;
        ConfigChange change = new ConfigChange();
        for (int i = 0; i < remotePrefixes.size(); i++) {
            List<Segment> rule = List.of(
                    Segment.of(edgeos ? "firewall" : "policy"),
                    Segment.of(rulesetWord(router, ruleset), ruleset.name()),
                    Segment.of("rule", numbers.get(i)));
            change.set(
                    rule,
                    Segment.of("destination"),
                    Segment.of("address", NatExcludeFix.prefixText(remotePrefixes.get(i))));
            if (edgeos) {
                change.set(rule, Segment.of("action", "modify"));
                change.set(rule, Segment.of("modify"), Segment.of("table", "main"));
            } else {
                change.set(rule, Segment.of("set"), Segment.of("table", "main"));
            }
        }
        return change;
    }

    /** {@code route}/{@code route6} (1.4/1.5), {@code route}/{@code ipv6-route} (1.2/1.3), {@code modify}/{@code ipv6-modify} (EdgeOS). */
    private static String rulesetWord(Router router, PolicyRoute ruleset) {
        if (router.dialect() == Dialect.EDGEOS) return ruleset.ipv6() ? "ipv6-modify" : "modify";
        if (!ruleset.ipv6()) return "route";
        return router.dialect().legacyIpsecSyntax() ? "ipv6-route" : "route6";
    }

    static List<Integer> freeNumbersBelow(PolicyRoute ruleset, int number, int count) {
        Set<Integer> used = new HashSet<>();
        ruleset.rules().forEach(r -> used.add(r.number()));
        return ConfigChange.freeRuleNumbersBelow(used, number, count);
    }
}
