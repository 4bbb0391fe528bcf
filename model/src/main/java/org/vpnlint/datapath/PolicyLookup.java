package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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

    /** The first present policy in priority order whose selector matches ({@link FirstMatch}). */
    private PolicyHit<B, V> lookup(HeaderPredicates<B, V> predicates, boolean reversed, boolean withTransportMode) {
        CompiledConditions conditions = router.conditions();
        List<PolicyEntry> entries = router.policies();
        Map<Integer, B> selectors = new HashMap<>(); // by selector number: a trap entry shares its twin's
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        int[] candidates = candidates(predicates, reversed);
        for (int c = 0; c < candidates.length && !scan.decided(); c++) {
            int i = candidates[c];
            PolicyEntry policy = entries.get(i);
            if (!withTransportMode && policy.tunnel().transportMode()) continue;
            B present = present(policy);
            if (Boolean.FALSE.equals(algebra.truthOf(present))) continue;
            B selector = selectors.computeIfAbsent(
                    conditions.policySelector(i),
                    id -> selectorMatch(
                            algebra,
                            predicates,
                            policy.tunnel(),
                            conditions.policyLocal(i),
                            conditions.policyRemote(i),
                            reversed));
            scan.offer(i, algebra.and(present, selector));
        }
        PolicyEntry won = scan.decided() ? entries.get(scan.winner()) : null;
        B matched = algebra.bool(won != null);
        B withState = algebra.bool(won != null && !won.trap());
        V tunnel = index(won == null ? 0 : won.tunnel().index());
        V entry = index(scan.winner() + 1);
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            PolicyEntry policy = entries.get(scan.position(k));
            B hit = scan.condition(k);
            matched = algebra.or(hit, matched);
            withState = algebra.ifBool(hit, algebra.bool(!policy.trap()), withState);
            tunnel = algebra.ifBits(hit, index(policy.tunnel().index()), tunnel);
            entry = algebra.ifBits(hit, index(scan.position(k) + 1), entry);
        }
        return new PolicyHit<>(matched, withState, tunnel, entry);
    }

    /**
     * The positions of the policies that may match, ascending: for a known destination those whose selector holds
     * it (the others surely do not match), else all.
     */
    private int[] candidates(HeaderPredicates<B, V> predicates, boolean reversed) {
        BigInteger destination = predicates.knownDestination();
        if (destination == null)
            return IntStream.range(0, router.policies().size()).toArray();
        CompiledConditions conditions = router.conditions();
        return reversed
                ? conditions.policiesWithLocalHolding(destination)
                : conditions.policiesWithRemoteHolding(destination);
    }

    /** Whether the header matches the selector of a tunnel's policy (local → remote, or reversed for in/fwd). */
    static <B, V> B selectorMatch(
            HeaderAlgebra<B, V> algebra,
            HeaderPredicates<B, V> predicates,
            CompiledTunnel tunnel,
            PrefixBlock local,
            PrefixBlock remote,
            boolean reversed) {
        Header<V> header = predicates.header();
        B match = algebra.and(
                predicates.sourceInPrefix(reversed ? remote : local),
                predicates.destinationInPrefix(reversed ? local : remote));
        if (tunnel.protocol() != null) {
            match = algebra.and(
                    match, algebra.eq(header.protocol(), algebra.bits(tunnel.protocol(), Header.PROTOCOL_WIDTH)));
        }
        Integer sourcePort = reversed ? tunnel.remotePort() : tunnel.localPort();
        Integer destinationPort = reversed ? tunnel.localPort() : tunnel.remotePort();
        if (sourcePort != null)
            match = algebra.and(match, algebra.eq(header.srcPort(), algebra.bits(sourcePort, Header.PORT_WIDTH)));
        if (destinationPort != null) {
            match = algebra.and(match, algebra.eq(header.dstPort(), algebra.bits(destinationPort, Header.PORT_WIDTH)));
        }
        return match;
    }

    private V index(int value) {
        return algebra.bits(value, CompiledRouter.INDEX_WIDTH);
    }
}
