package org.vpnlint.datapath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's XFRM policy lookup over a tunnel's policies in priority order: the first present policy whose
 * selector matches wins. A regular policy exists while its SA is up; a trap policy while the SA is down and the
 * lifecycle keeps it ({@link SaLifecycle}).
 */
final class PolicyLookup<B, V> {

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledRouter router;
    private final List<B> saUp;

    PolicyLookup(HeaderAlgebra<B, V> algebra, CompiledRouter router, List<B> saUp) {
        this.algebra = algebra;
        this.router = router;
        this.saUp = saUp;
    }

    /** Whether the entry exists given the SA states. */
    B present(PolicyEntry entry) {
        B up = saUp.get(entry.tunnel().index() - 1);
        return entry.trap() ? algebra.not(up) : up;
    }

    /** Whether the tunnel's policies (and table-220 routes) exist: SA up, or down with trap policies kept. */
    B policiesPresent(CompiledTunnel tunnel) {
        B up = saUp.get(tunnel.index() - 1);
        return tunnel.lifecycle().policiesSurviveDown() ? algebra.bool(true) : up;
    }

    /** Outbound lookup (dir out): local selector on the source, remote on the destination. */
    PolicyHit<B, V> outbound(HeaderPredicates<B, V> header) {
        return lookup(header, false, true);
    }

    /** Inbound lookup (dir in, same selectors reversed): remote on the source, local on the destination. */
    PolicyHit<B, V> inbound(HeaderPredicates<B, V> header) {
        return lookup(header, true, true);
    }

    /**
     * Forward lookup (dir fwd): as {@link #inbound}, but strongSwan installs no fwd policy for a transport-mode
     * CHILD_SA (child_sa.c install_policies_inbound), so those tunnels take no part.
     */
    PolicyHit<B, V> forward(HeaderPredicates<B, V> header) {
        return lookup(header, true, false);
    }

    private PolicyHit<B, V> lookup(HeaderPredicates<B, V> predicates, boolean reversed, boolean withTransportMode) {
        Map<PolicyEntry.Selector, B> selectorMatches = new HashMap<>();
        List<PolicyEntry> entries = router.policies();
        B matched = algebra.bool(false);
        B withState = algebra.bool(false);
        V tunnel = index(0);
        V entry = index(0);
        for (int i = entries.size() - 1; i >= 0; i--) {
            PolicyEntry policy = entries.get(i);
            if (!withTransportMode && policy.tunnel().transportMode()) continue;
            B selector = selectorMatches.computeIfAbsent(policy.selector(),
                    s -> selectorMatch(algebra, predicates, policy, reversed));
            B hit = algebra.and(present(policy), selector);
            matched = algebra.or(hit, matched);
            withState = algebra.ifBool(hit, algebra.bool(!policy.trap()), withState);
            tunnel = algebra.ifBits(hit, index(policy.tunnel().index()), tunnel);
            entry = algebra.ifBits(hit, index(i + 1), entry);
        }
        return new PolicyHit<>(matched, withState, tunnel, entry);
    }

    static <B, V> B selectorMatch(HeaderAlgebra<B, V> algebra, HeaderPredicates<B, V> predicates, PolicyEntry policy,
                                  boolean reversed) {
        Header<V> header = predicates.header();
        CompiledTunnel tunnel = policy.tunnel();
        B match = algebra.and(
                predicates.addressInPrefix(header.src(), reversed ? policy.remotePrefix() : policy.localPrefix()),
                predicates.addressInPrefix(header.dst(), reversed ? policy.localPrefix() : policy.remotePrefix()));
        if (tunnel.protocol() != null) {
            match = algebra.and(match, algebra.eq(header.protocol(), algebra.bits(tunnel.protocol(), Header.PROTOCOL_WIDTH)));
        }
        Integer sourcePort = reversed ? tunnel.remotePort() : tunnel.localPort();
        Integer destinationPort = reversed ? tunnel.localPort() : tunnel.remotePort();
        if (sourcePort != null) match = algebra.and(match, algebra.eq(header.srcPort(), algebra.bits(sourcePort, Header.PORT_WIDTH)));
        if (destinationPort != null) {
            match = algebra.and(match, algebra.eq(header.dstPort(), algebra.bits(destinationPort, Header.PORT_WIDTH)));
        }
        return match;
    }

    private V index(int value) {
        return algebra.bits(value, CompiledRouter.INDEX_WIDTH);
    }
}
