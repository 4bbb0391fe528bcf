package org.vpnlint.checks.datapath;

import java.util.List;
import java.util.Set;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * Source NAT rules of a router, by what a replay names, and set aside to ask a question again. Turning a rule into an
 * exclude removes exactly the packets it matches from the rules after it (first match wins), so asking again finds
 * the packets that other rules translate.
 */
final class SourceNatSetAside {

    private SourceNatSetAside() {}

    /** The configured rule at this location (a replay step's), or null (none, or one VyOS inserted itself). */
    static NatRule ruleAt(List<NatRule> rules, SourceLocation location) {
        if (location == null) return null;
        return rules.stream()
                .filter(r -> location.equals(r.location()))
                .findFirst()
                .orElse(null);
    }

    /** The router with these source NAT rules turned into excludes. */
    static Router withExcludes(Router router, Set<NatRule> setAside) {
        List<NatRule> rules = router.nat().sourceRules().stream()
                .map(r -> setAside.contains(r)
                        ? new NatRule(
                                r.direction(),
                                r.number(),
                                r.interfaceMatch(),
                                r.match(),
                                org.vpnlint.model.NatTranslation.EXCLUDE,
                                r.disabled(),
                                r.description(),
                                r.path(),
                                r.location(),
                                r.approximations())
                        : r)
                .toList();
        return router.withConfiguration(
                new NatConfig(rules, router.nat().destinationRules()), router.firewall(), router.ipsec());
    }
}
