package org.vpnlint.checks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.RouterMapper;

/** When a change may be sliced to the packets it can touch, and when the whole router must be compared. */
class ChangeSpaceTest {

    private static final String BASE = String.join(
                    "\n",
                    "set interfaces ethernet eth0 address '203.0.113.134/24'",
                    "set interfaces ethernet eth1 address '192.168.10.1/24'",
                    "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
                    "set vpn ipsec ipsec-interfaces interface 'eth0'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'",
                    "set nat source rule 10 outbound-interface 'eth0'",
                    "set nat source rule 10 source address '192.168.10.0/24'",
                    "set nat source rule 10 translation address '203.0.113.134'")
            + "\n";

    private static final String EXCLUDE = String.join(
                    "\n",
                    "set nat source rule 5 outbound-interface 'eth0'",
                    "set nat source rule 5 destination address '10.10.10.0/24'",
                    "set nat source rule 5 exclude")
            + "\n";

    @Test
    void aSourceNatRuleChangeTouchesOnlyWhatTheRuleMatches() {
        ChangeSpace space = space(BASE, BASE + EXCLUDE).orElseThrow();
        assertNull(space.sources(), "rule 5 has no source condition");
        assertEquals("[10.10.10.0/24]", space.destinations().toString());
        assertEquals(List.of(), space.of(AddressFamily.IPV6).destinations());
    }

    @Test
    void aTranslationChangeTouchesTheRulesPackets() {
        ChangeSpace space = space(
                        BASE,
                        BASE.replace("translation address '203.0.113.134'", "translation address '203.0.113.135'"))
                .orElseThrow();
        assertEquals("[192.168.10.0/24]", space.sources().toString());
        assertNull(space.destinations());
    }

    @Test
    void changesOutsideRulesAreComparedWhole() {
        assertTrue(space(BASE, BASE + "set protocols static route 10.10.10.0/24 blackhole distance 254\n")
                .isEmpty());
        assertTrue(space(
                        BASE,
                        BASE.replace("tunnel 1 remote prefix '10.10.10.0/24'", "tunnel 1 remote prefix '10.10.0.0/16'"))
                .isEmpty());
        assertTrue(
                space(
                                BASE,
                                BASE
                                        + "set nat source rule 20 outbound-interface 'eth0'\nset nat source rule 20 translation address 'masquerade'\n")
                        .isEmpty(),
                "a rule without address conditions touches every packet");
        String dnat =
                "set nat destination rule 1 inbound-interface 'eth0'\nset nat destination rule 1 destination port '443'\n"
                        + "set nat destination rule 1 protocol 'tcp'\nset nat destination rule 1 translation address '192.168.10.20'\n";
        assertTrue(
                space(BASE + dnat, BASE + dnat + EXCLUDE).isEmpty(),
                "destination NAT could move decrypted packets into the space");
    }

    @Test
    void aSpaceHoldingTheTunnelsEspPacketsIsComparedWhole() {
        String toPeer =
                "set nat source rule 5 outbound-interface 'eth0'\nset nat source rule 5 destination address '192.0.2.0/24'\n"
                        + "set nat source rule 5 exclude\n";
        RouterVersion after = version("after.set", BASE + toPeer);
        ChangeSpace space = space(BASE, BASE + toPeer).orElseThrow();
        assertTrue(space.mayHoldEsp(CompiledRouter.compile(after.router(), AddressFamily.IPV4)));
    }

    private static Optional<ChangeSpace> space(String before, String after) {
        RouterVersion old = version("before.set", before);
        RouterVersion changed = version("after.set", after);
        return ChangeSpace.of(ChangedNodes.between(old.tree(), changed.tree()), old, changed);
    }

    private static RouterVersion version(String name, String text) {
        ConfigTree tree = ConfigReader.read(name, text);
        return new RouterVersion(RouterMapper.map(tree, null).router(), tree);
    }
}
