package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.samples.SampleFile;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;

/**
 * A finding whose packet was steered (or not steered) by a policy-routing rule vpnlint read inexactly is only a note
 * (docs/semantics/approximation.md). The router is samples/rules/snat-captures-tunnel-traffic's dual-WAN branch:
 * rule 10 marks the LAN's traffic for table 10, out the second WAN where rule 20 masquerades it, past main's
 * blackhole while the SA is down. Each case adds one policy-routing rule or changes rule 10; where the finding stands,
 * the EXPECT markers say so, where it becomes a note, they are left out and the note is checked. Only the SA-down
 * leak: with the SA up the packet's route is the SA's bundle, whose device is eth0, so eth2's masquerade never sees it
 * and {@code snat-captures-tunnel-traffic} has nothing to find (docs/semantics/policy-routing.md).
 */
class PolicyRouteReadInexactlyTest {

    private static final String SNAT = "snat-captures-tunnel-traffic";
    private static final String LEAK = "tunnel-traffic-leaks-when-sa-down";

    /** The dual-WAN branch; {@code policy} are its policy-routing lines, {@code expected} the rules still proved. */
    private static String dualWan(List<String> policy, List<String> expected) {
        String snatMarker = expected.contains(SNAT) ? "# EXPECT: " + SNAT + "\n" : "";
        String leakMarker = expected.contains(LEAK) ? "# EXPECT: " + LEAK + "\n" : "";
        return """
                set interfaces ethernet eth0 address '203.0.113.134/24'
                set interfaces ethernet eth1 address '192.168.10.1/24'
                set interfaces ethernet eth2 address '198.51.100.10/24'
                set nat source rule 5 destination address '10.10.10.0/24'
                set nat source rule 5 exclude
                set nat source rule 5 outbound-interface name 'eth0'
                set nat source rule 10 outbound-interface name 'eth0'
                set nat source rule 10 translation address 'masquerade'
                """ + snatMarker + """
                set nat source rule 20 outbound-interface name 'eth2'
                set nat source rule 20 translation address 'masquerade'
                set policy route LAN-TO-WAN2 interface 'eth1'
                """ + String.join("\n", policy) + "\n" + """
                set protocols static route 0.0.0.0/0 next-hop 203.0.113.1
                set protocols static route 10.10.10.0/24 blackhole distance '254'
                set protocols static table 10 route 0.0.0.0/0 next-hop 198.51.100.1
                set system host-name 'branch'
                set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
                set vpn ipsec esp-group ESP proposal 1 hash 'sha256'
                set vpn ipsec ike-group IKE key-exchange 'ikev2'
                set vpn ipsec ike-group IKE proposal 1 dh-group '14'
                set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
                set vpn ipsec ike-group IKE proposal 1 hash 'sha256'
                set vpn ipsec interface 'eth0'
                set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
                set vpn ipsec site-to-site peer east authentication local-id '203.0.113.134'
                set vpn ipsec site-to-site peer east authentication remote-id '192.0.2.150'
                set vpn ipsec site-to-site peer east connection-type 'initiate'
                set vpn ipsec site-to-site peer east default-esp-group 'ESP'
                set vpn ipsec site-to-site peer east ike-group 'IKE'
                set vpn ipsec site-to-site peer east local-address '203.0.113.134'
                set vpn ipsec site-to-site peer east remote-address '192.0.2.150'
                """ + leakMarker + """
                set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'
                set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'
                """;
    }

    private static final List<String> MARKING_RULE = List.of(
            "set policy route LAN-TO-WAN2 rule 10 source address '192.168.10.0/24'",
            "set policy route LAN-TO-WAN2 rule 10 set table '10'");

    private static List<String> plus(List<String> lines, String... more) {
        return Stream.concat(lines.stream(), List.of(more).stream()).toList();
    }

    /**
     * Both rules' findings on the branch with these policy-routing lines, each checked against the markers of the
     * rules in {@code proved} (a rule test sees only its own rule's markers).
     */
    private static List<Finding> check(List<String> policy, List<String> proved) {
        List<Finding> found = new ArrayList<>();
        for (Rule rule : List.of(new SnatCapturesTunnelTrafficRule(), new TunnelTrafficLeaksWhenSaDownRule())) {
            List<String> markers = proved.stream().filter(rule.id()::equals).toList();
            found.addAll(RuleCheck.of(rule)
                    .dialect(Dialect.VYOS_1_4)
                    .config("router.set", dualWan(policy, markers))
                    .expectMarkers());
        }
        return found;
    }

    /** The SA-down finding is a note that names what could not be read, without a fix. */
    private static void assertUndecided(List<Finding> found, String unread) {
        assertEquals(1, found.size(), found::toString);
        for (Finding note : found) {
            assertEquals(Level.NOTE, note.level(), note.message());
            assertTrue(
                    note.message()
                            .startsWith("vpnlint could not decide this, because the packet's path rests on rules it"
                                    + " could not read exactly (" + unread + ")."),
                    note.message());
            assertNull(note.fix(), note.message());
        }
    }

    @Test
    void exactlyReadTheMarkingRuleProvesTheSaDownLeak() {
        List<Finding> found = check(MARKING_RULE, List.of(LEAK));
        assertEquals(1, found.size(), found::toString);
        assertEquals(LEAK, found.get(0).ruleId());
    }

    /** Read wider, rule 10 marks the packet perhaps only because the group's addresses were not read. */
    @Test
    void aMarkingRuleReadWiderLeavesOnlyNotes() {
        List<String> policy =
                plus(MARKING_RULE, "set policy route LAN-TO-WAN2 rule 10 destination group network-group 'NOPE'");
        assertUndecided(
                check(policy, List.of()),
                "'policy route LAN-TO-WAN2 rule 10 destination group network-group NOPE' could not be read");
    }

    /** A rule read wider that does not match the packet even as read cannot have steered it. */
    @Test
    void aRuleReadWiderThatDoesNotMatchThePacketChangesNothing() {
        List<String> policy = plus(
                MARKING_RULE,
                "set policy route LAN-TO-WAN2 rule 20 source address '172.16.0.0/12'",
                "set policy route LAN-TO-WAN2 rule 20 limit rate '5/second'",
                "set policy route LAN-TO-WAN2 rule 20 set table '10'");
        check(policy, List.of(LEAK))
                .forEach(finding -> assertNotEquals(Level.NOTE, finding.level(), finding.message()));
    }

    /**
     * Rule 5 sends the packet to a VRF, which vpnlint does not read: as read it does nothing and rule 10 marks the
     * packet, but really rule 5 decides first. The proof leans on rule 5 not steering, so only notes remain.
     */
    @Test
    void anEarlierRuleWhoseActionIsNotReadLeavesOnlyNotes() {
        List<String> policy = List.of(
                "set policy route LAN-TO-WAN2 rule 5 source address '192.168.10.0/24'",
                "set policy route LAN-TO-WAN2 rule 5 set vrf 'BLUE'",
                MARKING_RULE.get(0),
                MARKING_RULE.get(1));
        assertUndecided(check(policy, List.of()), "'policy route LAN-TO-WAN2 rule 5 set vrf' could not be read");
    }

    @Test
    void aRuleWhoseActionIsNotReadButMatchesOtherPacketsChangesNothing() {
        List<String> policy = List.of(
                "set policy route LAN-TO-WAN2 rule 5 source address '172.16.0.0/12'",
                "set policy route LAN-TO-WAN2 rule 5 set vrf 'BLUE'",
                MARKING_RULE.get(0),
                MARKING_RULE.get(1));
        check(policy, List.of(LEAK))
                .forEach(finding -> assertNotEquals(Level.NOTE, finding.level(), finding.message()));
    }

    /** A ruleset bound to another interface never sees the LAN's packets, however its rules were read. */
    @Test
    void aRulesetOnAnotherInterfaceChangesNothing() {
        List<String> policy = plus(
                MARKING_RULE,
                "set policy route WAN-IN interface 'eth0'",
                "set policy route WAN-IN rule 10 set vrf 'BLUE'");
        check(policy, List.of(LEAK))
                .forEach(finding -> assertNotEquals(Level.NOTE, finding.level(), finding.message()));
    }

    /** The sample with {@code destination group address-group GROUP} added to its marking rule 10. */
    private static List<Finding> edgeosSampleWithGroup(String group) {
        String sample = SampleFile.load("rules/tunnel-traffic-leaks-when-sa-down/bad-edgeos-modify-to-second-wan.boot")
                .text();
        String rule10 = "            source {\n                address 192.168.10.0/24\n            }\n";
        assertTrue(sample.contains(rule10));
        String config = sample.replace(
                        rule10,
                        rule10 + "            destination {\n                group {\n"
                                + "                    address-group " + group + "\n                }\n            }\n")
                .replaceAll("/\\* EXPECT: [a-z-]+ \\*/\n", "");
        List<Finding> found = new ArrayList<>();
        for (Rule rule : List.of(new SnatCapturesTunnelTrafficRule(), new TunnelTrafficLeaksWhenSaDownRule())) {
            found.addAll(RuleCheck.of(rule).config("router.boot", config).expectMarkers());
        }
        return found;
    }

    /**
     * EdgeOS: {@code ADDRv4_eth9} is a built-in group (docs/semantics/edgeos-builtin-groups.md) of an interface the
     * file does not show. Read as "any destination", rule 10 marks the tunnel's traffic; really it matches only
     * packets to eth9's addresses, so neither finding is proved.
     */
    @Test
    void anEdgeosBuiltInGroupOfAnInterfaceTheFileDoesNotShowLeavesOnlyNotes() {
        assertUndecided(
                edgeosSampleWithGroup("ADDRv4_eth9"),
                "'firewall modify LAN-PBR rule 10 destination group address-group ADDRv4_eth9': EdgeOS fills"
                        + " ADDRv4_eth9 at run time from eth9's IPv4 addresses, and this file does not show eth9; read"
                        + " as any address");
    }

    /**
     * EdgeOS: {@code ADDRv4_eth0} of eth0's one static address is read exactly: rule 10 then marks only packets to
     * the router's own WAN address, never the tunnel's traffic, and neither leak exists.
     */
    @Test
    void anEdgeosBuiltInGroupOfOneStaticAddressIsReadExactly() {
        assertEquals(List.of(), edgeosSampleWithGroup("ADDRv4_eth0"));
    }
}
