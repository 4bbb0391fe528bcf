package org.vpnlint.checks.ike;

import java.util.List;

/**
 * One IKE proposal after VyOS defaults are applied: encryption, integrity hash, PRF (the hash when unset, as
 * strongSwan derives it) and Diffie-Hellman group number (null when 1.2/1.3 write none).
 */
public record IkeAlgorithms(String encryption, String hash, String prf, String dhGroup) {

    /** A list of proposals as VyOS renders it, comma-separated. */
    public static String renderAll(List<IkeAlgorithms> proposals) {
        return String.join(",", proposals.stream().map(IkeAlgorithms::render).toList());
    }

    /** As VyOS renders it for strongSwan, e.g. {@code aes128-sha1-modp1024}. */
    public String render() {
        StringBuilder text = new StringBuilder(encryption).append('-').append(hash);
        if (!prf.equals(hash)) text.append("-prf").append(prf);
        if (dhGroup != null) text.append('-').append(DhGroups.keyword(dhGroup));
        return text.toString();
    }
}
