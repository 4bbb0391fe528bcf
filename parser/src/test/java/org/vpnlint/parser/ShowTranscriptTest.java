package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Curly output pasted from a CLI session: where each fragment is rooted, and what is output noise. */
class ShowTranscriptTest {

    private static ConfigTree read(String text) {
        return ConfigReader.read("session.txt", text);
    }

    @Test
    void showIsRelativeToTheEditLevelOfTheSession() {
        ConfigTree tree = read("""
                vyos@vyos# edit vpn ipsec
                [edit vpn ipsec]
                vyos@vyos# show site-to-site peer 192.0.2.150 tunnel 1
                 local {
                     prefix 192.168.10.0/24
                 }
                [edit vpn ipsec]
                vyos@vyos# top
                [edit]
                vyos@vyos# show nat source
                 rule 10 {
                     exclude
                 }
                [edit]
                """);
        assertFalse(tree.hasErrors(), tree.diagnostics()::toString);
        assertEquals(
                "192.168.10.0/24",
                tree.root()
                        .at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150", "tunnel", "1", "local", "prefix")
                        .value());
        assertEquals(
                List.of("vpn", "nat"),
                tree.root().children().stream().map(ConfigNode::word).toList());
    }

    @Test
    void theFragmentRootTakesThePlaceOfThePromptWords() {
        ConfigTree tree = read("vyos@vyos# show nat source\n rule 10 {\n     exclude\n }\n");
        ConfigNode source = tree.root().at("nat", "source");
        assertEquals(1, source.location().line());
        assertEquals(21, source.location().column());
        assertEquals(17, source.parent().location().column());
    }

    @Test
    void showConfigurationAndRunShowConfigurationAreTheWholeTree() {
        ConfigTree tree = read("""
                vyos@vyos:~$ show configuration
                system {
                    host-name east
                }
                vyos@vyos:~$ configure
                [edit]
                vyos@vyos# run show configuration
                interfaces {
                    loopback lo {
                    }
                }
                """);
        assertEquals("east", tree.root().at("system", "host-name").value());
        assertEquals(List.of("lo"), tree.root().at("interfaces", "loopback").values());
    }

    @Test
    void outputOfOtherCommandsAndEmptyFragmentsAddNothing() {
        ConfigTree tree = read("""
                vyos@vyos# show nat destination
                Configuration under specified path is empty
                [edit]
                vyos@vyos# commit
                [ nat source rule 10 ]
                Saving configuration to '/config/config.boot'...
                Done
                vyos@vyos# show nat source
                 rule 10 {
                     exclude
                 }
                """);
        assertFalse(tree.hasErrors(), tree.diagnostics()::toString);
        assertNull(tree.root().at("nat", "destination"));
        assertNull(tree.root().child("Saving"));
        assertEquals(
                List.of("nat"),
                tree.root().children().stream().map(ConfigNode::word).toList());
    }
}
