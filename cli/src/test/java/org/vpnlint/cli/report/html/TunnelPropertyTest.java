package org.vpnlint.cli.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleRegistry;

/** A new rule must be given a column of the inventory, or be declared not about tunnels. */
class TunnelPropertyTest {

    @Test
    void everyRuleDecidesAPropertyOrIsNotAboutTunnels() {
        for (Rule rule : RuleRegistry.all()) {
            boolean property = TunnelProperty.decidedBy(rule.id()) != null;
            boolean elsewhere = TunnelProperty.NOT_ABOUT_TUNNELS.contains(rule.id());
            assertTrue(property ^ elsewhere, rule.id() + ": add it to one TunnelProperty or to NOT_ABOUT_TUNNELS");
        }
    }
}
