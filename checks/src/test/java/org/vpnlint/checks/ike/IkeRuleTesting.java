package org.vpnlint.checks.ike;

import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Router;

/** Runs one rule on a few routers; the solver is never needed when every NAT address is known. */
final class IkeRuleTesting {

    private IkeRuleTesting() {
    }

    static List<Finding> check(Rule rule, Router... routers) {
        return check(rule, Network.of(List.of(routers)));
    }

    static List<Finding> check(Rule rule, Network network) {
        RuleContext context = new RuleContext(() -> {
            throw new IllegalStateException("no solver in these tests");
        });
        return rule.check(network, context);
    }
}
