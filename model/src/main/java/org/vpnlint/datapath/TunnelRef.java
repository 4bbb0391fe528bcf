package org.vpnlint.datapath;

import java.util.Comparator;
import java.util.OptionalInt;

/**
 * Names one CHILD_SA: {@code tunnel N} of a site-to-site peer, or the VTI of a route-based peer, which has no tunnel
 * number ({@code tunnel} empty). Every number VyOS accepts is a tunnel, {@code tunnel 0} included.
 */
public record TunnelRef(String peer, OptionalInt tunnel) {

    /** Peer, then the VTI before numbered tunnels, then by number: the order of SA states in output. */
    public static final Comparator<TunnelRef> ORDER = Comparator.comparing(TunnelRef::peer)
            .thenComparing(TunnelRef::isVti, Comparator.reverseOrder())
            .thenComparingInt(ref -> ref.tunnel().orElse(0));

    public TunnelRef {
        java.util.Objects.requireNonNull(tunnel);
    }

    /** {@code tunnel number} of the peer. */
    public TunnelRef(String peer, int number) {
        this(peer, OptionalInt.of(number));
    }

    public static TunnelRef vti(String peer) {
        return new TunnelRef(peer, OptionalInt.empty());
    }

    public boolean isVti() {
        return tunnel.isEmpty();
    }

    /** Whether this names {@code tunnel number} (never true for a VTI). */
    public boolean isTunnel(int number) {
        return tunnel.isPresent() && tunnel.getAsInt() == number;
    }

    @Override
    public String toString() {
        return isVti() ? "vti of peer " + peer : "tunnel " + tunnel.getAsInt() + " of peer " + peer;
    }
}
