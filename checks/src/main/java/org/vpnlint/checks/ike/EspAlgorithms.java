package org.vpnlint.checks.ike;

/**
 * One ESP proposal after VyOS defaults: encryption, integrity hash, and the PFS Diffie-Hellman group (null
 * without PFS).
 */
public record EspAlgorithms(String encryption, String hash, String pfsGroup) {

    /** As VyOS renders it, e.g. {@code aes128-sha1-modp1024}. */
    public String render() {
        return encryption + "-" + hash + (pfsGroup == null ? "" : "-" + DhGroups.keyword(pfsGroup));
    }

    public EspAlgorithms withoutPfs() {
        return new EspAlgorithms(encryption, hash, null);
    }
}
