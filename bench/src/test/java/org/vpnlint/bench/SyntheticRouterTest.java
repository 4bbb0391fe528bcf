package org.vpnlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.MappedRouter;
import org.vpnlint.parser.dialect.RouterMapper;

/** The benchmark must measure the sizes it claims: N peers, M NAT rules, K filter rules, all understood. */
class SyntheticRouterTest {

    @Test
    void aRouterWithTwentyTunnelsSixtyNatRulesAndTenFilterRulesMapsToExactlyThat() {
        ConfigTree tree = ConfigReader.read("bench.set", SyntheticRouter.write(20, 60, 10));
        MappedRouter mapped = RouterMapper.map(tree, null);
        Router router = mapped.router();

        assertEquals(20, router.ipsec().peers().size());
        assertEquals(60, router.nat().sourceRules().size());
        assertEquals(10, router.firewall().ipv4().forward().rules().size());
        assertEquals(
                "172.16.19.0/24",
                router.ipsec()
                        .peers()
                        .get(19)
                        .tunnels()
                        .get(0)
                        .remotePrefixes()
                        .get(0)
                        .toString());
        assertTrue(tree.diagnostics().stream().noneMatch(d -> d.level() != Level.NOTE), tree.diagnostics()::toString);
        assertTrue(
                mapped.diagnostics().stream().noneMatch(d -> d.level() != Level.NOTE), mapped.diagnostics()::toString);
    }
}
