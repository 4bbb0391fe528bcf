package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.checks.datapath.GreLeaksWhenSaDownRule;
import org.vpnlint.checks.datapath.GreNotProtectedRule;
import org.vpnlint.checks.datapath.NatIntoTunnelMissesPolicyRule;
import org.vpnlint.checks.datapath.ProtocolSelectorIgnoredRule;
import org.vpnlint.checks.datapath.SnatCapturesTunnelTrafficRule;
import org.vpnlint.checks.datapath.TunnelTrafficLeaksWhenSaDownRule;
import org.vpnlint.checks.ike.BehindNatDefaultIdRule;
import org.vpnlint.checks.ike.DmvpnHubSpokeMismatchRule;
import org.vpnlint.checks.ike.FqdnIdWithoutAtRule;
import org.vpnlint.checks.ike.IkeIdMismatchBehindNatRule;
import org.vpnlint.checks.ike.IpsecProposalMismatchRule;
import org.vpnlint.checks.ike.IpsecPskMismatchRule;
import org.vpnlint.checks.ike.LocalAddressNotOnRouterRule;
import org.vpnlint.checks.ike.NatTMissingRule;
import org.vpnlint.checks.ike.NoInitiatorRule;
import org.vpnlint.checks.ike.TunnelSelectorsNotMirroredRule;
import org.vpnlint.checks.tables.DnatStealsIkeRule;
import org.vpnlint.checks.tables.FirewallMatchesPreDnatAddressRule;
import org.vpnlint.checks.tables.FirewallRuleUnreachableRule;
import org.vpnlint.checks.tables.IkeBlockedByFirewallRule;
import org.vpnlint.checks.tables.NatRuleUnreachableRule;

/**
 * Every rule vpnlint runs, listed explicitly: no classpath scanning, so the list is plain to read and is the
 * single source for {@code vpnlint rules}, {@code explain}, SARIF {@code rules[]} and {@code rules.md}.
 * A new rule is added here.
 */
public final class RuleRegistry {

    private static final List<Rule> RULES = List.of(
            // NAT, IPsec policies and the SA lifecycle on one router (proved over the datapath)
            new SnatCapturesTunnelTrafficRule(),
            new NatIntoTunnelMissesPolicyRule(),
            new TunnelTrafficLeaksWhenSaDownRule(),
            new GreLeaksWhenSaDownRule(),
            new GreNotProtectedRule(),
            new ProtocolSelectorIgnoredRule(),
            // IKE identities and the two ends of a tunnel
            new IkeIdMismatchBehindNatRule(),
            new LocalAddressNotOnRouterRule(),
            new BehindNatDefaultIdRule(),
            new FqdnIdWithoutAtRule(),
            new NatTMissingRule(),
            new IpsecProposalMismatchRule(),
            new IpsecPskMismatchRule(),
            new TunnelSelectorsNotMirroredRule(),
            new NoInitiatorRule(),
            new DmvpnHubSpokeMismatchRule(),
            // firewall and NAT rule order
            new FirewallMatchesPreDnatAddressRule(),
            new IkeBlockedByFirewallRule(),
            new DnatStealsIkeRule(),
            new NatRuleUnreachableRule(),
            new FirewallRuleUnreachableRule());

    private RuleRegistry() {}

    public static List<Rule> all() {
        return RULES;
    }
}
