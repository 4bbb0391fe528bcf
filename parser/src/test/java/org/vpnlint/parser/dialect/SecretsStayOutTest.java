package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.map;

import org.junit.jupiter.api.Test;
import org.vpnlint.model.Dialect;

/** Keys and passwords never reach the model's text, a diagnostic, or anything else the mapper produces. */
class SecretsStayOutTest {

    private static void assertNowhere(MappedRouter mapped, String secret) {
        String everything = mapped.router().toString() + mapped.diagnostics();
        assertFalse(everything.contains(secret), () -> "the secret leaked: " + everything);
    }

    @Test
    void aPskInAPlaceThatIsReportedStaysOutOfTheReport() {
        MappedRouter mapped = map("r.set", """
                set vpn ipsec site-to-site peer 192.0.2.1 authentication pre-shared-secret 'JmEjBXdk9kUA96!r#Hkb'
                set vpn ipsec site-to-site peer 192.0.2.1 authentication frobnicate 'x'
                set vpn ipsec profile NHRPVPN authentication pre-shared-secret 'dmvpn-key-77'
                set vpn l2tp remote-access ipsec-settings authentication pre-shared-secret 'l2tp-key-88'
                set interfaces wireguard wg0 private-key 'wg-private-99'
                set interfaces wireguard wg0 address '10.9.0.1/24'
                """);
        assertNowhere(mapped, "JmEjBXdk9kUA96");
        assertNowhere(mapped, "dmvpn-key-77");
        assertNowhere(mapped, "l2tp-key-88");
        assertNowhere(mapped, "wg-private-99");
        assertTrue(mapped.router().ipsec().peers().get(0).presharedKey() != null);
    }

    @Test
    void aPskBlockSecretUnderTheWrongDialectStaysOut() {
        MappedRouter mapped = map("r.set", """
                set vpn ipsec authentication psk peer1 id '192.0.2.1'
                set vpn ipsec authentication psk peer1 secret 'block-secret-42'
                set vpn ipsec authentication psk peer1 secret-kind 'weird'
                """, Dialect.VYOS_1_3);
        assertNowhere(mapped, "block-secret-42");
    }

    @Test
    void aSecretThatLooksLikeAnAddressIsStillNotQuotedInValueWarnings() {
        MappedRouter mapped = map("r.set", """
                set vpn ipsec site-to-site peer branch remote-address '203.0.113.7'
                set vpn ipsec site-to-site peer branch authentication mode 'pre-shared-secret'
                set vpn ipsec site-to-site peer branch authentication pre-shared-secret '10.0.0.300'
                """);
        assertNowhere(mapped, "10.0.0.300");
    }
}
