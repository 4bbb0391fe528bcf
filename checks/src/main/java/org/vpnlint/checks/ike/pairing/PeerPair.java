package org.vpnlint.checks.ike.pairing;

/**
 * Two peers on two routers that are the ends of one IPsec connection, with the NAT in front of each.
 * {@code first} belongs to the router given first on the command line.
 */
public record PeerPair(PeerEnd first, PeerEnd second, NatInFront firstNat, NatInFront secondNat) {

    public PeerEnd partnerOf(PeerEnd end) {
        return end.equals(first) ? second : first;
    }

    public NatInFront natOf(PeerEnd end) {
        return end.equals(first) ? firstNat : secondNat;
    }

    public boolean natBetween() {
        return firstNat.present() || secondNat.present();
    }

    /** Stable name for finding subjects, e.g. {@code peer 203.0.113.1 ↔ hq.conf peer 198.51.100.2}. */
    public String describe() {
        return first.label() + " ↔ " + second.label();
    }
}
