package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Dialect;

class ProtocolSelectorIgnoredRuleTest {

    private final ProtocolSelectorIgnoredRule rule = new ProtocolSelectorIgnoredRule();

    private static String peerWith(String... tunnelLines) {
        return String.join(
                        "\n",
                        "set interfaces ethernet eth0 address '192.0.2.10/24'",
                        "set vpn ipsec esp-group ESP mode 'tunnel'",
                        "set vpn ipsec site-to-site peer 203.0.113.20 default-esp-group 'ESP'",
                        "set vpn ipsec site-to-site peer 203.0.113.20 local-address '192.0.2.10'",
                        String.join("\n", tunnelLines))
                + "\n";
    }

    @Test
    void protocolWithoutPrefixesSelectsEverythingBetweenTheEndpoints() {
        String config = peerWith("set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 protocol 'gre'");

        List<Finding> found = RuleCheck.of(rule)
                .dialect(Dialect.VYOS_1_2)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0).message().contains("IKE endpoints 192.0.2.10 ↔ 203.0.113.20 with all protocols"),
                found.get(0).message());
        assertEquals("""
                set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 local prefix 192.0.2.10/32
                set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 remote prefix 203.0.113.20/32""", found.get(0).fix());
    }

    @Test
    void withHostPrefixesTheProtocolApplies() {
        String config = peerWith(
                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 protocol 'gre'",
                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 local prefix '192.0.2.10/32'",
                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 remote prefix '203.0.113.20/32'");

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void inTransportModeTheProtocolIsRenderedOnTheEndpoints() {
        String config = peerWith("set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 protocol 'gre'")
                .replace("mode 'tunnel'", "mode 'transport'");

        assertEquals(
                List.of(),
                RuleCheck.of(rule)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }
}
