package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vpnlint.model.Diagnostic;

/** A key written in the configuration never appears in a diagnostic, whatever went wrong on its line. */
class SecretsInDiagnosticsTest {
    private static final String KEY = "S3cr3tPSK-Hkb";

    private static List<Diagnostic> diagnosticsOf(String fileName, String text) {
        List<Diagnostic> diagnostics = ConfigReader.read(fileName, text).diagnostics();
        assertFalse(diagnostics.isEmpty(), "the sample must produce a diagnostic to be a test");
        return diagnostics;
    }

    private static void assertKeyNotShown(List<Diagnostic> diagnostics) {
        for (Diagnostic diagnostic : diagnostics) {
            assertFalse(diagnostic.message().contains(KEY), diagnostic.message());
            assertFalse(diagnostic.toString().contains(KEY), diagnostic::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // an unclosed quote on the key's line
                "vpn {\n ipsec {\n  site-to-site {\n   peer 192.0.2.150 {\n    authentication {\n     pre-shared-secret \""
                        + KEY + "\n}}}}}\n",
                // a key that lost its line break
                "authentication { exclude pre-shared-secret " + KEY + " }\n",
                "authentication { " + KEY + " mode pre-shared-secret id @east }\n",
                // a key written with typographic quotes
                "vpn {\n pre-shared-secret \u201C" + KEY + "\u201D\n}\n",
                // a key in a line that lost its line breaks
                "authentication { mode pre-shared-secret pre-shared-secret " + KEY + " id @east }\n",
                // a block opened after the key and never closed
                "authentication {\n pre-shared-secret " + KEY + " {\n",
                // a key that ends in a typographic quote
                "authentication {\n plaintext-password " + KEY + "\u201D\n}\n",
            })
    void curlyFormatDiagnosticsDoNotShowTheKey(String text) {
        assertKeyNotShown(diagnosticsOf("east.boot", text));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "delete vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret " + KEY + "\n",
                "set vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret '" + KEY + "\n",
                "comment system login user vyos authentication plaintext-password " + KEY + " \"rotated\"\n",
                "copy authentication pre-shared-secret " + KEY + " to authentication pre-shared-secret x\n",
                // a wrapped key at the start of a line
                "set system host-name east\nset system domain-name example.com\n" + KEY + " system login\n",
                "set interfaces wireguard wg0 private-key " + KEY + "\nrename interfaces wireguard wg0 private-key "
                        + KEY + " to interfaces wireguard wg0 private-key " + KEY + "\n",
            })
    void commandScriptDiagnosticsDoNotShowTheKey(String text) {
        assertKeyNotShown(diagnosticsOf("east.set", text));
    }

    @Test
    void theMaskStandsWhereTheKeyWas() {
        List<Diagnostic> diagnostics = diagnosticsOf(
                "east.set",
                "delete vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret " + KEY + "\n");
        assertEquals(
                "nothing to delete: 'vpn ipsec site-to-site peer 192.0.2.150 authentication pre-shared-secret ****'"
                        + " is not configured",
                diagnostics.get(0).message());
    }

    @Test
    void theKeyStaysInTheTreeForTheMapperToFingerprint() {
        ConfigTree tree = ConfigReader.read(
                "east.set",
                "set vpn ipsec site-to-site peer 192.0.2.150 authentication" + " pre-shared-secret '" + KEY + "'\n");
        assertTrue(tree.root()
                .at("vpn", "ipsec", "site-to-site", "peer", "192.0.2.150", "authentication", "pre-shared-secret")
                .has(KEY));
    }
}
