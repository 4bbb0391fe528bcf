package org.vpnlint.datapath;

/**
 * Names one CHILD_SA: {@code tunnel N} of a site-to-site peer, or the VTI of a route-based peer
 * ({@code tunnel} 0, printed as "vti of peer X").
 */
public record TunnelRef(String peer, int tunnel) {

    public static TunnelRef vti(String peer) {
        return new TunnelRef(peer, 0);
    }

    public boolean isVti() {
        return tunnel == 0;
    }

    @Override
    public String toString() {
        return isVti() ? "vti of peer " + peer : "tunnel " + tunnel + " of peer " + peer;
    }
}
