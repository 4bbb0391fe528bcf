package org.vpnlint.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.vpnlint.checks.ike.IpsecPskMismatchRule;
import org.vpnlint.checks.ike.NatTMissingRule;

class RuleCheckTest {

    /** A 1.3 branch behind NAT (private 10.0.1.2 toward the public 203.0.113.1); the marker line is a parameter. */
    private static String branch(String natTraversal, String marker) {
        return """
                set interfaces ethernet eth0 address '10.0.1.2/24'
                set protocols static route 0.0.0.0/0 next-hop 10.0.1.1
                set vpn ipsec ipsec-interfaces interface 'eth0'
                set vpn ipsec nat-traversal '%s'
                %s
                set vpn ipsec site-to-site peer 203.0.113.1 authentication id '@branch'
                set vpn ipsec site-to-site peer 203.0.113.1 authentication mode 'pre-shared-secret'
                set vpn ipsec site-to-site peer 203.0.113.1 authentication pre-shared-secret 's3cret-one'
                set vpn ipsec site-to-site peer 203.0.113.1 local-address '10.0.1.2'
                """.formatted(natTraversal, marker);
    }

    @Test
    void aFindingAtTheMarkedLinePasses() {
        List<Finding> findings = RuleCheck.of(new NatTMissingRule())
                .config("branch.set", branch("disable", "# EXPECT: nat-t-missing"))
                .expectMarkers();

        assertEquals(1, findings.size());
        assertEquals(6, findings.get(0).location().line());
        assertTrue(
                findings.get(0).message().contains("crosses a NAT"),
                findings.get(0).message());
    }

    @Test
    void aMarkerWithoutItsFindingFails() {
        AssertionFailedError error = assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(new NatTMissingRule())
                        .config("branch.set", branch("enable", "# EXPECT: nat-t-missing"))
                        .expectMarkers());

        assertEquals("missing:    branch.set:6 nat-t-missing", error.getMessage());
    }

    @Test
    void aFindingWithoutItsMarkerFails() {
        AssertionFailedError error = assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(new NatTMissingRule())
                        .config("branch.set", branch("disable", ""))
                        .expectMarkers());

        assertTrue(error.getMessage().startsWith("unexpected: branch.set:6 nat-t-missing: "), error.getMessage());
    }

    @Test
    void aFindingOnAnotherLineThanMarkedFailsBothWays() {
        String markerTooEarly = branch("disable", "")
                .replace("set vpn ipsec nat-traversal", "# EXPECT: nat-t-missing\nset vpn ipsec nat-traversal");

        AssertionFailedError error = assertThrows(
                AssertionFailedError.class,
                () -> RuleCheck.of(new NatTMissingRule())
                        .config("branch.set", markerTooEarly)
                        .expectMarkers());

        assertTrue(error.getMessage().contains("missing:    branch.set:5 nat-t-missing"), error.getMessage());
        assertTrue(error.getMessage().contains("unexpected: branch.set:7 nat-t-missing"), error.getMessage());
    }

    @Test
    void samplesRunWithTheirOwnMarkers() {
        RuleCheck.of(new NatTMissingRule())
                .sample("rules/nat-t-missing/bad-private-address-nat-t-disabled.set")
                .expectMarkers();
        assertEquals(
                List.of(),
                RuleCheck.of(new NatTMissingRule())
                        .sample("rules/nat-t-missing/good-private-address-nat-t-enabled.set")
                        .expectMarkers());
    }

    @Test
    void aPairsFilesAreCheckedTogether() {
        List<Finding> findings = RuleCheck.of(new IpsecPskMismatchRule())
                .asRead()
                .sample("pairs/psk-mismatch/east.boot")
                .sample("pairs/psk-mismatch/west.boot")
                .expectMarkers();

        assertEquals(
                "samples/pairs/psk-mismatch/east.boot",
                findings.get(0).location().file());
    }
}
