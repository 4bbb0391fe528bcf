package org.vpnlint.cli.analysis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.vpnlint.checks.Finding;

/**
 * A finding's identity across runs: a hash of the rule id, the file's path relative to the project and the
 * finding's subject (the configuration node it is about). Line numbers are left out on purpose, so reordering or
 * editing unrelated parts of a configuration neither reopens GitHub alerts nor escapes a baseline.
 */
public final class Fingerprint {

    private Fingerprint() {}

    public static String of(Finding finding) {
        String subject = finding.subject() != null ? finding.subject() : finding.message();
        return of(finding.ruleId(), finding.location().file(), subject);
    }

    public static String of(String ruleId, String file, String subject) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest(
                    (ruleId + "|" + normalisedPath(file) + "|" + subject).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Forward slashes and no leading "./", so Windows and Unix checkouts agree. */
    static String normalisedPath(String file) {
        String path = file.replace('\\', '/');
        while (path.startsWith("./")) path = path.substring(2);
        return path;
    }
}
