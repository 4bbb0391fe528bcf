package org.vpnlint.checks.ike;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/** Runs one rule on a few routers; the solver is never needed when every NAT address is known. */
final class IkeRuleTesting {

    private IkeRuleTesting() {}

    static List<Finding> check(Rule rule, Router... routers) {
        return check(rule, Network.of(List.of(routers)));
    }

    /**
     * Only the VPN part of the router, as a documentation snippet shows it: no interfaces, and no part of the
     * router known to be complete.
     */
    static Router vpnOnly(Router router) {
        Map<RouterPart, String> unshown = new EnumMap<>(RouterPart.class);
        for (RouterPart part : RouterPart.values())
            unshown.put(part, "the file is a fragment that shows no " + part.description());
        return new Router(
                router.name(),
                router.file(),
                router.dialect(),
                List.of(),
                router.routes(),
                router.nat(),
                router.firewall(),
                router.ipsec(),
                null,
                new Completeness(unshown));
    }

    static List<Finding> check(Rule rule, Network network) {
        RuleContext context = new RuleContext(() -> {
            throw new IllegalStateException("no solver in these tests");
        });
        return rule.check(network, context);
    }
}
