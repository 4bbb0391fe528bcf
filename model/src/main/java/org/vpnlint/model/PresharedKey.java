package org.vpnlint.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A pre-shared key, kept only as a salted SHA-256 fingerprint. Two keys can be compared for equality within one
 * run; the secret itself is never stored, and nothing (toString included) can print it or its fingerprint.
 * The salt is random per process, so a fingerprint is useless outside the run that made it.
 */
public final class PresharedKey {

    private final byte[] fingerprint;

    private PresharedKey(byte[] fingerprint) {
        this.fingerprint = fingerprint;
    }

    public static PresharedKey of(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Salt.VALUE);
            return new PresharedKey(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public boolean sameSecretAs(PresharedKey other) {
        return other != null && MessageDigest.isEqual(fingerprint, other.fingerprint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresharedKey key && sameSecretAs(key);
    }

    /**
     * Constant on purpose: the fingerprint is salted per process, so hashing it would make the iteration order of
     * every hash-based collection holding a router, peer or key differ from run to run, and vpnlint's output must
     * be byte-identical. Keys are compared, never used in bulk as hash keys, so the constant costs nothing.
     */
    @Override
    public int hashCode() {
        return 0;
    }

    @Override
    public String toString() {
        return "PresharedKey[redacted]";
    }

    /** Made on first use only: seeding SecureRandom costs start-up time that files without a key need not pay. */
    private static final class Salt {
        static final byte[] VALUE = new byte[16];

        static {
            new SecureRandom().nextBytes(VALUE);
        }
    }
}
