package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Level;

class CurlyFormatTest {

    private static ConfigTree read(String text) {
        return ConfigReader.read("config.boot", text);
    }

    private static void assertNoProblems(ConfigTree tree) {
        assertTrue(
                tree.diagnostics().stream().noneMatch(d -> d.level() != Level.NOTE),
                () -> tree.diagnostics().toString());
    }

    @Test
    void tagNodesLeavesAndValuesBecomeWords() {
        ConfigTree tree = read("""
                nat {
                    source {
                        rule 10 {
                            outbound-interface eth0
                            source {
                                address 192.168.10.0/24
                            }
                            translation {
                                address 203.0.113.134
                            }
                        }
                    }
                }
                """);
        assertNoProblems(tree);
        assertEquals(ConfigTree.SourceFormat.CURLY, tree.format());
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertNotNull(rule);
        assertEquals("eth0", rule.at("outbound-interface").value());
        assertEquals("203.0.113.134", rule.at("translation", "address").value());
        assertEquals(
                List.of("nat", "source", "rule", "10", "source", "address", "192.168.10.0/24"),
                rule.at("source", "address", "192.168.10.0/24").path());
    }

    @Test
    void eachNodeKnowsTheLineAndColumnOfItsWord() {
        ConfigTree tree = read("""
                nat {
                    source {
                        rule 10 {
                            exclude
                        }
                    }
                }
                """);
        ConfigNode rule = tree.root().at("nat", "source", "rule");
        assertEquals(3, rule.location().line());
        assertEquals(9, rule.location().column());
        assertEquals(14, rule.child("10").location().column());
        assertEquals("config.boot", rule.location().file());
    }

    @Test
    void aBlockEndsAtItsClosingBraceAndAValueAtItsLastCharacter() {
        ConfigTree tree = read("""
                nat {
                    source {
                        rule 10 {
                            outbound-interface eth0
                        }
                    }
                }
                """);
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertEquals(5, rule.location().endLine());
        assertEquals(10, rule.location().endColumn());
        ConfigNode eth0 = rule.at("outbound-interface", "eth0");
        assertEquals(4, eth0.location().endLine());
        assertEquals(36, eth0.location().endColumn());
    }

    @Test
    void repeatedLeafLinesAreOneMultiValueLeafAndValuelessLeavesHaveNoChildren() {
        ConfigTree tree = read("""
                firewall {
                    name WAN_LOCAL {
                        rule 20 {
                            action accept
                            state established
                            state related
                            log
                        }
                    }
                }
                """);
        ConfigNode rule = tree.root().at("firewall", "name", "WAN_LOCAL", "rule", "20");
        assertEquals(List.of("established", "related"), rule.child("state").values());
        assertTrue(rule.child("log").isLeafWord());
    }

    @Test
    void doubleQuotedValuesKeepTheirSpacesAndLoseTheirQuotes() {
        ConfigTree tree = read("""
                interfaces {
                    ethernet eth1 {
                        description "LAN \\"office\\" side"
                        address 192.168.10.1/24
                    }
                }
                """);
        assertNoProblems(tree);
        assertEquals(
                "LAN \"office\" side",
                tree.root().at("interfaces", "ethernet", "eth1", "description").value());
    }

    @Test
    void aCommentAboveAStatementBelongsToTheDeepestNodeItNames() {
        ConfigTree tree = read("""
                nat {
                    source {
                        /* vpnlint:ignore snat-captures-tunnel-traffic reason="partner NAT" */
                        rule 10 {
                            /* the ISP uplink */
                            outbound-interface eth0
                        }
                    }
                }
                """);
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertEquals(List.of("vpnlint:ignore snat-captures-tunnel-traffic reason=\"partner NAT\""), rule.comments());
        assertTrue(tree.root().at("nat", "source", "rule").comments().isEmpty());
        assertEquals(
                List.of("the ISP uplink"), rule.at("outbound-interface", "eth0").comments());
    }

    @Test
    void aCommentAtTheEndOfALineBelongsToThatLinesStatementOrClosedBlock() {
        ConfigTree tree = read("""
                nat {
                    source {
                        rule 10 { /* opened */
                            exclude /* no translation */
                        } /* closed */
                    }
                }
                """);
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertEquals(List.of("opened", "closed"), rule.comments());
        assertEquals(List.of("no translation"), rule.child("exclude").comments());
    }

    @Test
    void commentsSeparatedByABlankLineAreFileLevelComments() {
        ConfigTree tree = read("""
                /* East router, maintained by the network team */

                system {
                    host-name east
                }
                """);
        assertEquals(
                List.of("East router, maintained by the network team"),
                tree.root().comments());
        assertTrue(tree.root().child("system").comments().isEmpty());
    }

    @Test
    void theVyos12FooterGivesComponentVersionsAndRelease() {
        ConfigTree tree = read("""
                system {
                    host-name vyos
                }
                /* Warning: Do not remove the following line. */
                /* === vyatta-config-version: "firewall@5:ipsec@5:nat@4:system@10" === */
                /* Release version: 1.2.6 */
                """);
        assertEquals("firewall@5:ipsec@5:nat@4:system@10", tree.componentVersions());
        assertEquals("1.2.6", tree.releaseVersion());
        assertTrue(tree.root().comments().isEmpty());
        assertTrue(tree.root().child("system").comments().isEmpty());
    }

    @Test
    void theVyos13FooterGivesComponentVersionsAndRelease() {
        ConfigTree tree = read("""
                system {
                    host-name vyos
                }
                // Warning: Do not remove the following line.
                // vyos-config-version: "firewall@5:ipsec@5:nat@5:interfaces@22"
                // Release version: 1.3.4
                """);
        assertEquals("firewall@5:ipsec@5:nat@5:interfaces@22", tree.componentVersions());
        assertEquals("1.3.4", tree.releaseVersion());
    }

    @Test
    void withoutAFooterTheVersionsAreNull() {
        ConfigTree tree = read("system {\n    host-name vyos\n}\n");
        assertNull(tree.componentVersions());
        assertNull(tree.releaseVersion());
    }

    @Test
    void crlfLineEndsAByteOrderMarkAndTabsChangeNothing() {
        ConfigTree tree = read("\uFEFFinterfaces {\r\n\tethernet eth0 {\r\n\t\taddress 203.0.113.2/24\r\n\t}\r\n}\r\n");
        assertNoProblems(tree);
        ConfigNode address = tree.root().at("interfaces", "ethernet", "eth0", "address");
        assertEquals("203.0.113.2/24", address.value());
        assertEquals(3, address.location().line());
        assertEquals(3, address.location().column());
        assertEquals(1, tree.root().child("interfaces").location().column());
    }

    @Test
    void classicMacLineEndsCountAsLines() {
        ConfigTree tree = read("system {\r    host-name east\r}\r");
        assertNoProblems(tree);
        assertEquals(2, tree.root().at("system", "host-name").location().line());
    }

    @Test
    void bracesOnOneLineWork() {
        ConfigTree tree = read(
                "nat { source { rule 10 { source { address 192.168.10.45 } translation { address 172.16.17.45 } } } }\n");
        assertNoProblems(tree);
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertEquals("192.168.10.45", rule.at("source", "address").value());
        assertEquals("172.16.17.45", rule.at("translation", "address").value());
    }

    @Test
    void anOpeningBraceOnTheNextLineOpensThePreviousStatementsBlock() {
        ConfigTree tree = read("""
                system
                {
                    host-name east
                }
                """);
        assertNoProblems(tree);
        assertEquals("east", tree.root().at("system", "host-name").value());
    }

    @Test
    void singleQuotedValuesAreUnquotedToo() {
        ConfigTree tree = read("system {\n    host-name 'east'\n}\n");
        assertEquals("east", tree.root().at("system", "host-name").value());
    }

    @Test
    void nonBreakingSpacesPastedFromAWebPageAreWhiteSpace() {
        ConfigTree tree = read("system\u00A0{\n\u00A0\u00A0host-name\u00A0east\n}\n");
        assertNoProblems(tree);
        assertEquals("east", tree.root().at("system", "host-name").value());
    }
}
