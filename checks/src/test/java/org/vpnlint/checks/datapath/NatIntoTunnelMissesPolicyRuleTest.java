package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.checks.datapath.BranchOffice.BRANCH_1_2;
import static org.vpnlint.checks.datapath.BranchOffice.script;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;

/** The overlapping-subnets trick of the seed article (192.168.10.45 seen as 172.16.17.45), right and wrong. */
class NatIntoTunnelMissesPolicyRuleTest {

    private final NatIntoTunnelMissesPolicyRule rule = new NatIntoTunnelMissesPolicyRule();

    private static final List<String> HOST_TUNNEL = List.of(
            "set vpn ipsec site-to-site peer 192.0.2.150 connection-type 'respond'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '172.16.17.45/32'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.55/32'");

    private static List<String> snatTo(String address) {
        return List.of(
                "set nat source rule 10 outbound-interface 'any'",
                "set nat source rule 10 destination address '10.10.10.55'",
                "set nat source rule 10 source address '192.168.10.45'",
                "set nat source rule 10 translation address '" + address + "'");
    }

    private static List<String> dnatTo(String address) {
        return List.of(
                "set nat destination rule 10 inbound-interface 'any'",
                "set nat destination rule 10 destination address '172.16.17.45'",
                "set nat destination rule 10 translation address '" + address + "'");
    }

    @Test
    void theArticlesConfigurationHasNoFinding() {
        String config = script(BRANCH_1_2, HOST_TUNNEL, snatTo("172.16.17.45"), dnatTo("192.168.10.45"));

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_3)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void aTranslationOutsideTheLocalSelectorLeavesUnencrypted() {
        String config = script(BRANCH_1_2, HOST_TUNNEL, snatTo("172.16.17.99"), dnatTo("192.168.10.45"));

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_3)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        Finding finding = found.get(0);
        assertEquals("192.168.10.45", finding.witness().src());
        assertEquals("10.10.10.55", finding.witness().dst());
        assertTrue(finding.message().contains("becomes tcp 172.16.17.99:1024 → 10.10.10.55:22"), finding.message());
        assertTrue(finding.message().contains("in cleartext"), finding.message());
        assertEquals("set nat source rule 10 translation address 172.16.17.45", finding.fix());
    }

    @Test
    void withoutTheReturnDestinationNatTheRemoteSideReachesNobody() {
        String config = script(BRANCH_1_2, HOST_TUNNEL, snatTo("172.16.17.45"));

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_3)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        Finding finding = found.get(0);
        assertEquals("10.10.10.55", finding.witness().src());
        assertEquals("172.16.17.45", finding.witness().dst());
        assertEquals("tunnel 1 of peer 192.0.2.150", finding.witness().inInterface());
        assertTrue(finding.message().contains("no destination NAT rule maps it back"), finding.message());
        assertEquals("""
                set nat destination rule 10 inbound-interface any
                set nat destination rule 10 destination address 172.16.17.45
                set nat destination rule 10 translation address 192.168.10.45""", finding.fix());
    }

    @Test
    void aReturnDestinationNatToAnotherHostIsReported() {
        String config = script(BRANCH_1_2, HOST_TUNNEL, snatTo("172.16.17.45"), dnatTo("192.168.10.46"));

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_3)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0)
                        .message()
                        .contains("nat destination rule 10 maps it to 192.168.10.46, not to 192.168.10.45"),
                found.get(0).message());
    }

    @Test
    void hideNatIntoATunnelHasNoWayBackToCheck() {
        String config = script(
                BRANCH_1_2,
                HOST_TUNNEL.subList(0, 2),
                List.of(
                        "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'",
                        "set nat source rule 10 outbound-interface 'any'",
                        "set nat source rule 10 destination address '10.10.10.0/24'",
                        "set nat source rule 10 source address '192.168.10.0/24'",
                        "set nat source rule 10 translation address '172.16.17.45'"));

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_3)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void aMissingWayBackInAFragmentIsANoteNotAFinding() {
        // no system and no interfaces section: a paste of the VPN and NAT parts, so the NAT rules may be only some
        String config = script(BRANCH_1_2, HOST_TUNNEL, snatTo("172.16.17.45"))
                .replace("set system host-name 'branch'\n", "")
                .lines()
                .filter(line -> !line.startsWith("set interfaces "))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        List<Finding> found = RuleCheck.of(rule)
                .router(RuleCheck.readRouter("router.set", config, Dialect.VYOS_1_3))
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertEquals(Level.NOTE, found.get(0).level());
        assertTrue(
                found.get(0)
                        .message()
                        .startsWith("Not reported as a finding: it rests on router.set having no other"
                                + " NAT rules than those it shows"),
                found.get(0).message());
        assertTrue(
                found.get(0).message().contains("no destination NAT rule maps it back"),
                found.get(0).message());
    }
}
