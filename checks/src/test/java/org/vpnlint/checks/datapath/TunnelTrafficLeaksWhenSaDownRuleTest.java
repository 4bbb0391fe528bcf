package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.checks.datapath.BranchOffice.ARTICLE_TUNNEL;
import static org.vpnlint.checks.datapath.BranchOffice.BRANCH_1_2;
import static org.vpnlint.checks.datapath.BranchOffice.script;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;

class TunnelTrafficLeaksWhenSaDownRuleTest {

    private final TunnelTrafficLeaksWhenSaDownRule rule = new TunnelTrafficLeaksWhenSaDownRule();

    @Test
    void anInitiatingPeerWithADefaultRouteLeaksWhileTheSaIsDown() {
        String config = script(
                BRANCH_1_2,
                ARTICLE_TUNNEL,
                List.of("set vpn ipsec site-to-site peer 192.0.2.150 connection-type 'initiate'"));

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_2)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        Finding finding = found.get(0);
        assertEquals(Level.WARNING, finding.level());
        assertEquals("down", finding.witness().saState());
        assertEquals("10.10.10.200", finding.witness().dst());
        assertTrue(finding.message().contains("leaves eth0 in cleartext"), finding.message());
        assertTrue(finding.message().contains("start_action=start"), finding.message());
        assertEquals(
                RuleCheck.lineOf(config, "tunnel 1 local prefix"),
                finding.location().line());
        assertEquals("set protocols static route 10.10.10.0/24 blackhole distance 254", finding.fix());
    }

    @Test
    void aBlackholeRouteForTheRemotePrefixKeepsTheTrafficIn() {
        String config = script(
                BRANCH_1_2,
                ARTICLE_TUNNEL,
                List.of("set protocols static route 10.10.10.0/24 blackhole distance '254'"));

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void aRespondingPeerKeepsTrapPolicies() {
        String config = script(
                BRANCH_1_2,
                ARTICLE_TUNNEL,
                List.of("set vpn ipsec site-to-site peer 192.0.2.150 connection-type 'respond'"));

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void deadPeerDetectionHoldKeepsTrapPoliciesIn13() {
        String config = script(
                BRANCH_1_2, ARTICLE_TUNNEL, List.of("set vpn ipsec ike-group IKE dead-peer-detection action 'hold'"));

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_3)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void deadPeerDetectionClearRemovesThePolicies() {
        String config = script(
                BRANCH_1_2, ARTICLE_TUNNEL, List.of("set vpn ipsec ike-group IKE dead-peer-detection action 'clear'"));

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_3)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0).message().contains("dpd_action=clear"),
                found.get(0).message());
    }
}
