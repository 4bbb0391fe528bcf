package org.vpnlint.checks.ike;

/**
 * One IKE proposal after VyOS defaults are applied: encryption, integrity hash, PRF (the hash when unset, as
 * strongSwan derives it) and Diffie-Hellman group number (null when 1.2/1.3 write none).
 */
public record IkeAlgorithms(String encryption, String hash, String prf, String dhGroup) {

    /** As VyOS renders it for strongSwan, e.g. {@code aes128-sha1-modp1024}. */
    public String render() {
        StringBuilder text = new StringBuilder(encryption).append('-').append(hash);
        if (!prf.equals(hash)) text.append("-prf").append(prf);
        if (dhGroup != null) text.append('-').append(DhGroups.keyword(dhGroup));
        return text.toString();
    }
}
