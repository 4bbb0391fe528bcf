package org.vpnlint.checks.ike;

import java.util.List;

/**
 * One ESP proposal after VyOS defaults: encryption, integrity hash, and the PFS Diffie-Hellman group (null
 * without PFS).
 */
public record EspAlgorithms(String encryption, String hash, String pfsGroup) {

    /** As VyOS renders it, e.g. {@code aes128-sha1-modp1024}. */
    public String render() {
        return encryption + "-" + hash + (pfsGroup == null ? "" : "-" + DhGroups.keyword(pfsGroup));
    }

    /** A list of proposals as VyOS renders it, comma-separated. */
    public static String renderAll(List<EspAlgorithms> proposals) {
        return String.join(",", proposals.stream().map(EspAlgorithms::render).toList());
    }

    /** Whether some proposal of {@code offered} and some of {@code accepted} agree apart from PFS. */
    public static boolean cipherInCommon(List<EspAlgorithms> offered, List<EspAlgorithms> accepted) {
        return offered.stream()
                .anyMatch(o -> accepted.stream().anyMatch(a -> a.withoutPfs().equals(o.withoutPfs())));
    }

    public EspAlgorithms withoutPfs() {
        return new EspAlgorithms(encryption, hash, null);
    }
}
