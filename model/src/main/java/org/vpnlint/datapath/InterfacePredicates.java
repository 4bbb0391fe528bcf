package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.vpnlint.model.InterfaceMatch;

/**
 * Interface conditions ({@code outbound-interface eth0}, {@code eth+}, {@code !eth1}) over an interface-index
 * term. Index 0 (no interface) matches only "any". A known index is looked up in the interfaces the condition
 * names (computed when the router was compiled); a symbolic one gets a term, built once per condition.
 */
final class InterfacePredicates<B, V> implements RuleMatch.Interfaces<B> {

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledRouter router;
    private final V index;
    private final int knownIndex;
    private final Map<InterfaceMatch, B> matches = new IdentityHashMap<>();

    InterfacePredicates(HeaderAlgebra<B, V> algebra, CompiledRouter router, V index) {
        this.algebra = algebra;
        this.router = router;
        this.index = index;
        BigInteger value = algebra.valueOf(index);
        this.knownIndex = value == null ? -1 : value.intValue();
    }

    V index() {
        return index;
    }

    @Override
    public B matches(InterfaceMatch match) {
        if (match == null || match.isAny()) return algebra.bool(true);
        return matches(match, router.conditions().interfaces(match));
    }

    /** The condition, given the interfaces it names (indexed by interface index). */
    B matches(InterfaceMatch match, boolean[] named) {
        if (match == null || match.isAny()) return algebra.bool(true);
        if (knownIndex >= 0) return algebra.bool(knownIndex < named.length && named[knownIndex]);
        return matches.computeIfAbsent(match, m -> {
            B any = algebra.bool(false);
            for (int i = 1; i < named.length; i++) {
                if (named[i]) any = algebra.or(any, algebra.eq(index, algebra.bits(i, CompiledRouter.INDEX_WIDTH)));
            }
            return any;
        });
    }
}
