package org.vpnlint.parser;

import java.util.Set;

/**
 * The configuration words whose values are secrets in VyOS and EdgeOS (pre-shared keys, passwords, private keys, the
 * NHRP authentication password). One list for every place that must keep a secret out of what vpnlint prints: the
 * node paths in messages stop at these words, and the values below them are redacted from all output.
 */
public final class SecretWords {
    private static final Set<String> WORDS = Set.of(
            "pre-shared-secret",
            "secret",
            "private-key",
            "preshared-key",
            "password",
            "plaintext-password",
            "encrypted-password",
            "shared-secret-key",
            "key",
            "cisco-authentication");

    private SecretWords() {}

    public static boolean isSecret(String word) {
        return WORDS.contains(word);
    }
}
