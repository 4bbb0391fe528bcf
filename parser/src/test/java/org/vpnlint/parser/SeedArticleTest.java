package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/** The configurations pasted in seeds/ipsec-and-nat-articles.txt, exactly as written there. */
class SeedArticleTest {

    static ConfigTree readResource(String name) {
        try (InputStream in = SeedArticleTest.class.getResourceAsStream(name)) {
            assertNotNull(in, name);
            return ConfigReader.read(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Diagnostic> atLeast(Level level, ConfigTree tree) {
        return tree.diagnostics().stream()
                .filter(d -> d.level().compareTo(level) >= 0)
                .toList();
    }

    @Test
    void showOutputAfterAPromptIsRootedAtTheShownPath() {
        ConfigTree tree = readResource("seed-snat-before-ipsec.txt");
        assertEquals(List.of(), atLeast(Level.WARNING, tree));
        ConfigNode tunnel = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150", "tunnel", "1");
        assertEquals("192.168.10.0/24", tunnel.at("local", "prefix").value());
        assertEquals("10.10.10.0/24", tunnel.at("remote", "prefix").value());
        ConfigNode rule = tree.root().at("nat", "source", "rule", "10");
        assertEquals("eth0", rule.at("outbound-interface").value());
        assertEquals("203.0.113.134", rule.at("translation", "address").value());
        assertEquals(
                List.of("vpn", "nat"),
                tree.root().children().stream().map(ConfigNode::word).toList());
    }

    @Test
    void aSnipLineIsAnElidedPartReportedAsANote() {
        ConfigTree tree = readResource("seed-snat-before-ipsec.txt");
        List<Diagnostic> notes = tree.diagnostics().stream()
                .filter(d -> d.message().contains("[SNIP]"))
                .toList();
        assertEquals(1, notes.size());
        assertEquals(Level.NOTE, notes.get(0).level());
        assertEquals(3, notes.get(0).location().line());
        assertEquals(6, notes.get(0).location().column());
        assertNull(tree.root().at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150", "[SNIP]"));
    }

    @Test
    void fragmentsWithMixedIndentationReadTheSame() {
        ConfigTree tree = readResource("seed-nat-exclude.txt");
        assertEquals(List.of(), atLeast(Level.WARNING, tree));
        ConfigNode rules = tree.root().at("nat", "source", "rule");
        assertEquals(List.of("5", "10"), rules.values());
        assertTrue(rules.at("5", "exclude").isLeafWord());
        assertEquals("10.10.10.0/24", rules.at("5", "destination", "address").value());
    }

    @Test
    void aPasteThatLostItsLineBreaksStillGivesBothNatRules() {
        ConfigTree tree = readResource("seed-nat-into-tunnel.txt");
        assertEquals(
                List.of(),
                tree.diagnostics().stream()
                        .filter(d -> d.level() == Level.ERROR)
                        .toList());
        ConfigNode source = tree.root().at("nat", "source", "rule", "10");
        assertEquals("any", source.at("outbound-interface").value());
        assertEquals("10.10.10.55", source.at("destination", "address").value());
        assertEquals("192.168.10.45", source.at("source", "address").value());
        assertEquals("172.16.17.45", source.at("translation", "address").value());
        ConfigNode destination = tree.root().at("nat", "destination", "rule", "10");
        assertEquals("172.16.17.45", destination.at("destination", "address").value());
        assertEquals("any", destination.at("inbound-interface").value());
        assertEquals("192.168.10.45", destination.at("translation", "address").value());
        assertEquals(
                List.of("destination", "inbound-interface", "translation"),
                destination.children().stream().map(ConfigNode::word).toList());
        assertTrue(
                tree.diagnostics().stream()
                        .anyMatch(d -> d.level() == Level.WARNING
                                && d.message().endsWith("they were read as 'inbound-interface …', 'translation'")),
                () -> tree.diagnostics().toString());
    }

    @Test
    void theEditLevelTranscriptBuildsTheFirewallRule() {
        ConfigTree tree = readResource("seed-edit-level-transcript.txt");
        assertEquals(ConfigTree.SourceFormat.COMMANDS, tree.format());
        assertEquals(List.of(), atLeast(Level.WARNING, tree));
        ConfigNode rule = tree.root().at("firewall", "name", "Foo", "rule", "10");
        assertEquals("tcp", rule.at("protocol").value());
        assertEquals("22", rule.at("destination", "port").value());
        assertEquals("Allow SSH", rule.at("description").value());
        assertEquals(
                List.of("destination", "description", "protocol").size(),
                rule.children().size());
        assertEquals("""
                set firewall name Foo rule 10 description 'Allow SSH'
                set firewall name Foo rule 10 destination port 22
                set firewall name Foo rule 10 protocol tcp""", tree.root().toSetCommands());
    }

    @Test
    void aTruncatedFragmentNamesTheBlockLeftOpen() {
        ConfigTree tree = readResource("seed-gre-truncated.txt");
        List<Diagnostic> errors = atLeast(Level.ERROR, tree);
        assertEquals(1, errors.size(), tree.diagnostics()::toString);
        assertEquals(
                "expected '}' to close 'vpn ipsec site-to-site peer 203.0.113.20' opened at 12:7 (the file ends here);"
                        + " 3 enclosing blocks are not closed either",
                errors.get(0).message());
        assertEquals("parse-error", errors.get(0).code());
        ConfigNode peer = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "203.0.113.20");
        assertEquals("gre", peer.at("tunnel", "1", "protocol").value());
        assertEquals("192.0.2.10", peer.at("local-address").value());
        assertEquals(
                "gre",
                tree.root().at("interfaces", "tunnel", "tun0", "encapsulation").value());
    }

    @Test
    void theNonNatedSidesMissingBracesAreReportedAndItsPeerIsRead() {
        ConfigTree tree = readResource("seed-non-nated-side.txt");
        List<Diagnostic> errors = atLeast(Level.ERROR, tree);
        assertEquals(1, errors.size(), tree.diagnostics()::toString);
        assertTrue(
                errors.get(0).message().startsWith("expected '}' to close 'vpn ipsec' opened at 2:3"),
                errors.get(0)::message);
        ConfigNode peer = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "@foo");
        assertEquals("203.0.113.1", peer.at("local-address").value());
        assertEquals("10.104.0.0/24", peer.at("tunnel", "1", "remote", "prefix").value());
        assertFalse(errors.get(0).message().contains("qwerty"));
    }

    @Test
    void theNatedSidesFragmentWithoutAPromptIsReadBelowVpnAndItsMissingBraceIsReported() {
        ConfigTree tree = readResource("seed-nated-side.txt");
        List<Diagnostic> errors = atLeast(Level.ERROR, tree);
        assertEquals(1, errors.size(), tree.diagnostics()::toString);
        assertEquals(
                "expected '}' to close 'ipsec' opened at 1:3 (the file ends here)",
                errors.get(0).message());
        // 'ipsec' is no top-level node and can only be vpn ipsec
        assertTrue(
                tree.diagnostics().stream()
                        .anyMatch(
                                d -> d.message()
                                        .equals(
                                                "the file starts below the top of the configuration: 'ipsec' was read as vpn ipsec")),
                tree.diagnostics()::toString);
        ConfigNode peer = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "203.0.113.1");
        assertEquals("@foo", peer.at("authentication", "id").value());
        assertEquals("any", peer.at("local-address").value());
    }
}
