package org.vpnlint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.MappedRouter;
import org.vpnlint.parser.dialect.RouterMapper;

/** The firewall benchmark must measure the sizes it claims: rules, chains and group sizes, all understood. */
class SyntheticFirewallTest {

    @Test
    void twoHundredRulesInFourChainsWithGroupsOfFiftyAndTwentyMapToExactlyThat() {
        ConfigTree tree = ConfigReader.read("bench.set", SyntheticFirewall.write(200, 4, 50, 20));
        MappedRouter mapped = RouterMapper.map(tree, null);
        Router router = mapped.router();

        var family = router.firewall().ipv4();
        assertEquals(4, family.named().size());
        assertEquals(
                200,
                family.named().values().stream()
                        .mapToInt(chain -> chain.rules().size())
                        .sum());
        FirewallChain first = family.named().get("C0");
        // an address group of 50 scattered hosts: 50 ranges (none touch), a network group of 20 prefixes
        assertEquals(50, first.rules().get(0).match().destination().ranges().size());
        assertEquals(20, first.rules().get(0).match().source().ranges().size());
        assertTrue(tree.diagnostics().stream().noneMatch(d -> d.level() != Level.NOTE), tree.diagnostics()::toString);
        assertTrue(
                mapped.diagnostics().stream().noneMatch(d -> d.level() != Level.NOTE), mapped.diagnostics()::toString);
    }
}
