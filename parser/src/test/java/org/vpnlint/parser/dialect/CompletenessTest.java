package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;

/** What a file shows of its router: whole configurations, fragments, [SNIP] and fragments rooted below the top. */
class CompletenessTest {

    private static final String WHOLE_WITHOUT_FOOTER = """
            set interfaces ethernet eth0 address '203.0.113.2/24'
            set protocols static route 0.0.0.0/0 next-hop 203.0.113.1
            set system host-name 'branch'
            set vpn ipsec interface 'eth0'
            """;

    @Test
    void interfacesAndSystemMakeAWholeRouter() {
        Router router = Mapping.map("branch.set", WHOLE_WITHOUT_FOOTER).router();
        for (RouterPart part : RouterPart.values()) assertTrue(router.shows(part), part.id());
        assertEquals("branch", router.hostName());
    }

    @Test
    void aVersionFooterMakesAWholeRouterEvenWithoutSystem() {
        Router router = Mapping.map("r.boot", """
                interfaces {
                    ethernet eth0 {
                        address 203.0.113.2/24
                    }
                }
                /* === vyatta-config-version: "ipsec@5:nat@4:system@10" === */
                """).router();
        for (RouterPart part : RouterPart.values()) assertTrue(router.shows(part), part.id());
        assertNull(router.hostName());
    }

    @Test
    void aVpnOnlyFragmentShowsNoPartWhole() {
        Router router = Mapping.map("vpn.set", """
                set vpn ipsec interface 'eth0'
                set vpn ipsec site-to-site peer HUB local-address '203.0.113.2'
                set vpn ipsec site-to-site peer HUB remote-address '192.0.2.1'
                """).router();
        for (RouterPart part : RouterPart.values()) assertFalse(router.shows(part), part.id());
        assertTrue(
                router.completeness().whyIncomplete(RouterPart.INTERFACES).contains("shows no interfaces"),
                router.completeness().whyIncomplete(RouterPart.INTERFACES));
    }

    @Test
    void aSnipMakesOnlyThePartItCutsIntoIncomplete() {
        Router router = Mapping.map(
                        "r.set",
                        WHOLE_WITHOUT_FOOTER.replace("set system", "edit protocols static\n[SNIP]\ntop\nset system"))
                .router();
        assertFalse(router.shows(RouterPart.ROUTES));
        assertTrue(
                router.completeness().whyIncomplete(RouterPart.ROUTES).contains("[SNIP] at line 4"),
                router.completeness().whyIncomplete(RouterPart.ROUTES));
        assertTrue(router.shows(RouterPart.INTERFACES));
        assertTrue(router.shows(RouterPart.NAT));
    }

    @Test
    void aSnipAtTheTopMakesEveryPartIncomplete() {
        Router router = Mapping.map("r.set", WHOLE_WITHOUT_FOOTER + "[SNIP]\n").router();
        for (RouterPart part : RouterPart.values()) assertFalse(router.shows(part), part.id());
    }

    @Test
    void anIkeInterfaceTheFileDoesNotDefineLeavesTheInterfacesIncomplete() {
        Router router = Mapping.map("r.set", WHOLE_WITHOUT_FOOTER.replace("interface 'eth0'", "interface 'eth1'"))
                .router();
        assertFalse(router.shows(RouterPart.INTERFACES));
        assertEquals(
                "the file does not define eth1, the interface IPsec is bound to",
                router.completeness().whyIncomplete(RouterPart.INTERFACES));
        assertTrue(router.shows(RouterPart.ROUTES));
    }

    @Test
    void anIpsecLevelFragmentIsReadBelowVpn() {
        ConfigTree tree = ConfigReader.read("show-vpn.boot", """
                ipsec {
                    ipsec-interfaces {
                        interface eth1
                    }
                    site-to-site {
                        peer 192.0.2.1 {
                            local-address 203.0.113.2
                            [SNIP]
                        }
                    }
                }
                """);
        assertNotNull(tree.root().at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.1"));
        assertNull(tree.root().child("ipsec"));
        assertEquals(
                List.of("vpn", "ipsec", "site-to-site", "peer", "192.0.2.1"),
                tree.elisions().get(0).path());
        assertTrue(
                tree.diagnostics().stream()
                        .anyMatch(
                                d -> d.level() == Level.NOTE && d.message().contains("'ipsec' was read as vpn ipsec")),
                tree.diagnostics().toString());
        Router router = RouterMapper.map(tree, null).router();
        assertEquals(1, router.ipsec().peers().size());
        assertEquals(List.of("eth1"), router.ipsec().ikeInterfaces());
    }

    @Test
    void natSectionsAndInterfacesBelowTheTopArePlaced() {
        ConfigTree tree = ConfigReader.read("nat.boot", """
                source {
                    rule 10 {
                        outbound-interface eth0
                        translation {
                            address masquerade
                        }
                    }
                }
                ethernet eth0 {
                    address 203.0.113.2/24
                }
                """);
        assertNotNull(tree.root().at("nat", "source", "rule", "10"));
        assertNotNull(tree.root().at("interfaces", "ethernet", "eth0"));
    }

    @Test
    void aRuleWithoutItsSectionIsNotGuessedButReported() {
        ConfigTree tree = ConfigReader.read("rule.boot", """
                rule 10 {
                    action drop
                }
                """);
        List<Diagnostic> warnings = tree.diagnostics().stream()
                .filter(d -> d.level() == Level.WARNING)
                .toList();
        assertEquals(1, warnings.size(), tree.diagnostics().toString());
        assertTrue(
                warnings.get(0).message().contains("'rule' is not a top-level node"),
                warnings.get(0).message());
        assertNotNull(tree.root().at("rule", "10"));
    }

    @Test
    void aTunnelNumberWithoutItsPeerStaysWhereItIs() {
        ConfigTree tree = ConfigReader.read("tunnel.boot", """
                tunnel 0 {
                    local {
                        prefix 10.0.0.0/24
                    }
                }
                """);
        assertNotNull(tree.root().at("tunnel", "0"));
        assertTrue(
                tree.diagnostics().stream().anyMatch(d -> d.level() == Level.WARNING),
                tree.diagnostics().toString());
    }
}
