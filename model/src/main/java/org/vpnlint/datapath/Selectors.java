package org.vpnlint.datapath;

/**
 * A tunnel's traffic selectors as a predicate, for questions such as "a packet that tunnel k should protect
 * leaves in cleartext": true when the header matches one of the tunnel's outbound (local → remote) selector pairs.
 */
public final class Selectors {

    private Selectors() {}

    public static <B, V> B outbound(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, Header<V> header, int tunnelIndex) {
        return match(algebra, router, header, tunnelIndex, false);
    }

    /** The same selectors reversed (remote → local): what the tunnel's in/fwd policies accept. */
    public static <B, V> B inbound(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, Header<V> header, int tunnelIndex) {
        return match(algebra, router, header, tunnelIndex, true);
    }

    private static <B, V> B match(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, Header<V> header, int tunnelIndex, boolean reversed) {
        CompiledTunnel tunnel = router.tunnelAt(tunnelIndex);
        HeaderPredicates<B, V> predicates = new HeaderPredicates<>(algebra, router, header);
        B any = algebra.bool(false);
        for (var local : tunnel.localSelectors()) {
            for (var remote : tunnel.remoteSelectors()) {
                any = algebra.or(
                        any,
                        PolicyLookup.selectorMatch(
                                algebra, predicates, tunnel, PrefixBlock.of(local), PrefixBlock.of(remote), reversed));
            }
        }
        return any;
    }
}
