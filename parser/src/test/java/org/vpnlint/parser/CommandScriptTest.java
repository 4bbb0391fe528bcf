package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

class CommandScriptTest {

    private static ConfigTree read(String text) {
        return ConfigReader.read("east.set", text);
    }

    private static List<Diagnostic> problems(ConfigTree tree) {
        return tree.diagnostics().stream().filter(d -> d.level() != Level.NOTE).toList();
    }

    @Test
    void setCommandsWithBareAndQuotedValuesBuildTheTree() {
        ConfigTree tree = read("""
                set interfaces ethernet eth0 address '203.0.113.2/24'
                set interfaces ethernet eth0 description "WAN uplink"
                set nat source rule 10 'exclude'
                set nat source rule 10 outbound-interface eth0
                """);
        assertEquals(ConfigTree.SourceFormat.COMMANDS, tree.format());
        assertEquals(List.of(), problems(tree));
        assertEquals(
                "203.0.113.2/24",
                tree.root().at("interfaces", "ethernet", "eth0", "address").value());
        assertEquals(
                "WAN uplink",
                tree.root().at("interfaces", "ethernet", "eth0", "description").value());
        assertTrue(tree.root().at("nat", "source", "rule", "10", "exclude").isLeafWord());
        assertNull(tree.componentVersions());
    }

    @Test
    void theLastLineNeedsNoLineBreak() {
        ConfigTree tree = read("set system host-name east # last line");
        assertEquals(
                List.of("last line"),
                tree.root().at("system", "host-name", "east").comments());
    }

    @Test
    void nodesKeepTheLineAndColumnOfTheWordThatIntroducedThem() {
        ConfigTree tree = read("set nat source rule 10 exclude\nset nat source rule 20 exclude\n");
        ConfigNode rule20 = tree.root().at("nat", "source", "rule", "20");
        assertEquals(2, rule20.location().line());
        assertEquals(21, rule20.location().column());
        assertEquals(1, tree.root().at("nat", "source", "rule").location().line());
    }

    @Test
    void aHashInsideAKeyIsPartOfTheKeyAndAHashAtAWordStartIsAComment() {
        ConfigTree tree = read("""
                set vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret JmEjBXdk9kUA96!r#Hkb
                set interfaces loopback lo address 192.168.99.1/32  # Additional loopback
                """);
        assertEquals(
                "JmEjBXdk9kUA96!r#Hkb",
                tree.root()
                        .at(
                                "vpn",
                                "ipsec",
                                "site-to-site",
                                "peer",
                                "192.0.2.150",
                                "authentication",
                                "pre-shared-secret")
                        .value());
        ConfigNode address = tree.root().at("interfaces", "loopback", "lo", "address", "192.168.99.1/32");
        assertEquals(List.of("Additional loopback"), address.comments());
    }

    @Test
    void repeatedSetsOfALeafAddValues() {
        ConfigTree tree = read("""
                set firewall name WAN_LOCAL rule 20 state established
                set firewall name WAN_LOCAL rule 20 state related
                """);
        assertEquals(
                List.of("established", "related"),
                tree.root()
                        .at("firewall", "name", "WAN_LOCAL", "rule", "20", "state")
                        .values());
    }

    @Test
    void commentLinesDirectlyAboveACommandBelongToItsDeepestNode() {
        ConfigTree tree = read("""
                # router east

                # vpnlint:ignore snat-captures-tunnel-traffic reason="NAT before VPN"
                set nat source rule 10 translation address 172.16.17.45
                set nat source rule 20 exclude
                """);
        assertEquals(List.of("router east"), tree.root().comments());
        assertEquals(
                List.of("vpnlint:ignore snat-captures-tunnel-traffic reason=\"NAT before VPN\""),
                tree.root()
                        .at("nat", "source", "rule", "10", "translation", "address", "172.16.17.45")
                        .comments());
        assertTrue(tree.root().at("nat", "source", "rule", "10").comments().isEmpty());
        assertTrue(tree.root()
                .at("nat", "source", "rule", "20", "exclude")
                .comments()
                .isEmpty());
    }

    @Test
    void aCommentedOutCommandStaysAComment() {
        ConfigTree tree = read("# set nat source rule 30 exclude\nset nat source rule 10 exclude\n");
        assertNull(tree.root().at("nat", "source", "rule", "30"));
        assertEquals(
                List.of("set nat source rule 30 exclude"),
                tree.root().at("nat", "source", "rule", "10", "exclude").comments());
    }

    @Test
    void aFileOfCommentedOutCommandsIsAnEmptyScriptThatSaysSo() {
        ConfigTree tree = read("# set nat source rule 10 exclude\n# set nat source rule 10 outbound-interface eth0\n");
        assertEquals(ConfigTree.SourceFormat.COMMANDS, tree.format());
        assertTrue(tree.root().isLeafWord());
        assertEquals(
                List.of("the file holds no configuration commands; 2 commented-out command lines (starting with '#')"
                        + " were not applied"),
                tree.diagnostics().stream().map(Diagnostic::message).toList());
    }

    @Test
    void deleteRemovesTheNodeAndAParentItLeavesEmpty() {
        ConfigTree tree = read("""
                set nat source rule 10 exclude
                set nat source rule 20 exclude
                set interfaces ethernet eth0 address 192.0.2.1/24
                delete nat source rule 10
                delete interfaces ethernet eth0 address 192.0.2.1/24
                """);
        assertEquals(List.of("20"), tree.root().at("nat", "source", "rule").values());
        assertNull(tree.root().at("interfaces", "ethernet", "eth0", "address"));
        assertEquals(List.of(), problems(tree));
    }

    @Test
    void deletingWhatIsNotConfiguredIsAWarning() {
        ConfigTree tree = read("set nat source rule 10 exclude\ndelete nat source rule 99\n");
        List<Diagnostic> problems = problems(tree);
        assertEquals(1, problems.size());
        assertEquals(Level.WARNING, problems.get(0).level());
        assertEquals(
                "nothing to delete: 'nat source rule 99' is not configured",
                problems.get(0).message());
        assertEquals(2, problems.get(0).location().line());
    }

    @Test
    void editUpAndTopMoveTheLevelThatRelativeCommandsStartFrom() {
        ConfigTree tree = read("""
                edit vpn ipsec site-to-site peer 192.0.2.150
                set local-address 203.0.113.2
                edit tunnel 1
                set local prefix 192.168.10.0/24
                up
                set tunnel 2 local prefix 192.168.20.0/24
                top
                set system host-name east
                edit nat source
                exit
                set system time-zone UTC
                """);
        assertEquals(List.of(), problems(tree));
        ConfigNode peer = tree.root().at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150");
        assertEquals("203.0.113.2", peer.at("local-address").value());
        assertEquals(
                "192.168.10.0/24", peer.at("tunnel", "1", "local", "prefix").value());
        assertEquals(
                "192.168.20.0/24", peer.at("tunnel", "2", "local", "prefix").value());
        assertEquals("east", tree.root().at("system", "host-name").value());
        assertEquals("UTC", tree.root().at("system", "time-zone").value());
        assertNull(tree.root().at("nat"));
    }

    @Test
    void copyAndRenameWorkRelativeToTheEditLevel() {
        ConfigTree tree = read("""
                edit nat source
                set rule 10 outbound-interface eth0
                set rule 10 translation address masquerade
                copy rule 10 to rule 20
                set rule 20 outbound-interface eth1
                rename rule 10 to rule 5
                """);
        assertEquals(List.of(), problems(tree));
        ConfigNode rules = tree.root().at("nat", "source", "rule");
        assertEquals(List.of("20", "5"), rules.values());
        assertEquals(
                List.of("eth0", "eth1"), rules.at("20", "outbound-interface").values());
        assertEquals("masquerade", rules.at("5", "translation", "address").value());
        assertEquals(6, rules.child("5").location().line());
    }

    @Test
    void copyOntoAnExistingNodeIsRefusedLikeVyosDoes() {
        ConfigTree tree = read("set nat source rule 10 exclude\nset nat source rule 20 outbound-interface eth0\n"
                + "copy nat source rule 10 to nat source rule 20\n");
        assertEquals(
                "'nat source rule 20' already exists; the copy was not applied",
                problems(tree).get(0).message());
        assertNull(tree.root().at("nat", "source", "rule", "20", "exclude"));
    }

    @Test
    void theCommentCommandAttachesItsTextToTheNode() {
        ConfigTree tree = read("""
                set firewall name Foo rule 10 action accept
                edit firewall name Foo
                comment rule 10 "Allow SSH from the office"
                """);
        assertEquals(
                List.of("Allow SSH from the office"),
                tree.root().at("firewall", "name", "Foo", "rule", "10").comments());
    }

    @Test
    void sessionCommandsAreRecognisedAndChangeNothing() {
        ConfigTree tree = read("""
                configure
                set system host-name east
                commit
                commit-confirm 5
                save
                show nat
                compare
                run show interfaces
                exit discard
                """);
        assertEquals(List.of(), problems(tree));
        assertEquals(
                List.of("system"),
                tree.root().children().stream().map(ConfigNode::word).toList());
    }

    @Test
    void aVbashScriptWrapperAroundTheCommandsIsRecognised() {
        ConfigTree tree = read("""
                #!/bin/vbash
                source /opt/vyatta/etc/functions/script-template
                configure
                set system host-name east
                commit
                exit
                """);
        assertEquals(List.of(), problems(tree));
        assertEquals("east", tree.root().at("system", "host-name").value());
        assertEquals(List.of("!/bin/vbash"), tree.root().comments());
    }

    @Test
    void aSnipLineInAScriptIsANote() {
        ConfigTree tree = read("set system host-name east\n[SNIP]\nset system time-zone UTC\n");
        assertEquals(List.of(), problems(tree));
        assertEquals(1, tree.diagnostics().size());
        assertEquals(2, tree.diagnostics().get(0).location().line());
        assertEquals("UTC", tree.root().at("system", "time-zone").value());
    }

    @Test
    void anUnknownCommandInAScriptIsAnError() {
        ConfigTree tree = read("set system host-name east\nsett system domain-name example.com\n");
        Diagnostic error = problems(tree).get(0);
        assertEquals(Level.ERROR, error.level());
        assertEquals("parse-error", error.code());
        assertTrue(tree.hasErrors());
        assertEquals(2, error.location().line());
        assertEquals(
                "unknown command 'sett' (did you mean 'set'?); a command script holds set, delete, edit, up, top,"
                        + " exit, copy, rename and comment lines",
                error.message());
    }

    @Test
    void aTranscriptSkipsCommandOutputAndOperationalModeLines() {
        ConfigTree tree = read("""
                vyos@east:~$ configure
                [edit]
                vyos@east# set nat source rule 10 exclude
                [edit]
                vyos@east# commit
                [ nat ]
                Saving configuration to '/config/config.boot'...
                Done
                [edit]
                vyos@east# exit
                exit
                vyos@east:~$ set terminal length 0
                vyos@east:~$ show configuration commands
                set system host-name 'east'
                """);
        assertEquals(List.of(), problems(tree));
        assertEquals(
                List.of("nat", "system"),
                tree.root().children().stream().map(ConfigNode::word).toList());
        assertTrue(tree.root().at("nat", "source", "rule", "10", "exclude").isLeafWord());
        assertEquals("east", tree.root().at("system", "host-name").value());
    }

    @Test
    void editEchoLinesStateTheLevelExactly() {
        ConfigTree tree = read("""
                vyos@east# edit interfaces ethernet eth0 vif 10
                [edit interfaces ethernet eth0 vif 10]
                vyos@east# up
                [edit interfaces ethernet eth0]
                vyos@east# set description "WAN"
                [edit interfaces ethernet eth0]
                """);
        assertEquals(
                "WAN",
                tree.root().at("interfaces", "ethernet", "eth0", "description").value());
    }

    @Test
    void upLeavesATagNodeAndItsValueTogether() {
        ConfigTree tree = read("""
                edit firewall name Foo rule 10
                up
                set default-action drop
                up
                set state-policy established action accept
                """);
        assertEquals(
                "drop",
                tree.root().at("firewall", "name", "Foo", "default-action").value());
        assertEquals(
                "accept",
                tree.root()
                        .at("firewall", "state-policy", "established", "action")
                        .value());
    }
}
