package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vpnlint.model.Level;

/** The same router written as config.boot and as commands reads into trees with the same content. */
class SameRouterBothFormatsTest {

    private static String resource(String name) {
        try (InputStream in = SameRouterBothFormatsTest.class.getResourceAsStream("pairs/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ConfigTree read(String name) {
        ConfigTree tree = ConfigReader.read(name, resource(name));
        assertEquals(
                List.of(),
                tree.diagnostics().stream().filter(d -> d.level() != Level.NOTE).toList(),
                name);
        return tree;
    }

    @ParameterizedTest
    @CsvSource({"east-1.3.boot, east-1.3.set", "west-edgeos.boot, west-edgeos.set"})
    void curlyAndCommandsGiveTheSameTree(String curlyFile, String commandsFile) {
        ConfigTree curly = read(curlyFile);
        ConfigTree commands = read(commandsFile);
        assertEquals(ConfigTree.SourceFormat.CURLY, curly.format());
        assertEquals(ConfigTree.SourceFormat.COMMANDS, commands.format());
        assertEquals(curly.root().toSetCommands(), commands.root().toSetCommands());
        assertTrue(curly.root().sameContent(commands.root()));
    }

    @Test
    void theEastRouterHasItsPeerQuotedKeyAndMultiValueLeaves() {
        ConfigTree tree = read("east-1.3.boot");
        ConfigNode peer = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150");
        assertEquals(
                "Jm#Ej BXdk9kUA96!r",
                peer.at("authentication", "pre-shared-secret").value());
        assertEquals("Partner HQ", peer.at("description").value());
        assertEquals(
                List.of("192.168.10.1/24", "2001:db8:10::1/64"),
                tree.root().at("interfaces", "ethernet", "eth1", "address").values());
        assertTrue(tree.root().at("interfaces", "loopback", "lo").isLeafWord());
        assertTrue(tree.root().at("nat", "source", "rule", "5", "exclude").isLeafWord());
        assertEquals("1.3.4", tree.releaseVersion());
        assertTrue(tree.componentVersions().contains("ipsec@5:nat@5"));
    }

    @Test
    void theWestRouterKeepsItsEdgeosFooterAndComments() {
        ConfigTree curly = read("west-edgeos.boot");
        assertTrue(curly.componentVersions().contains("nat@3:qos@1"));
        assertEquals("v2.0.9-hotfix.7.5622731.230615.0857", curly.releaseVersion());
        ConfigTree commands = read("west-edgeos.set");
        assertEquals(
                List.of("West router, typed by hand in edit-level style."),
                commands.root().at("firewall").comments());
    }

    @Test
    void aOneValueDifferenceMakesTheTreesDiffer() {
        ConfigTree curly = read("east-1.3.boot");
        String changed = resource("east-1.3.set")
                .replace("rule 5 destination address '10.10.10.0/24'", "rule 5 destination address '10.10.20.0/24'");
        ConfigTree commands = ConfigReader.read("east-changed.set", changed);
        assertFalse(curly.root().sameContent(commands.root()));
    }
}
