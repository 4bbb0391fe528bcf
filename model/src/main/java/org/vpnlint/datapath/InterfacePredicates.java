package org.vpnlint.datapath;

import java.util.HashMap;
import java.util.Map;
import org.vpnlint.model.InterfaceMatch;

/**
 * Interface conditions ({@code outbound-interface eth0}, {@code eth+}, {@code !eth1}) over an interface-index
 * term, built once per condition. Index 0 (no interface) matches only "any".
 */
final class InterfacePredicates<B, V> implements RuleMatch.Interfaces<B> {

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledRouter router;
    private final V index;
    private final Map<InterfaceMatch, B> matches = new HashMap<>();

    InterfacePredicates(HeaderAlgebra<B, V> algebra, CompiledRouter router, V index) {
        this.algebra = algebra;
        this.router = router;
        this.index = index;
    }

    V index() {
        return index;
    }

    @Override
    public B matches(InterfaceMatch match) {
        if (match == null || match.isAny()) return algebra.bool(true);
        return matches.computeIfAbsent(match, m -> {
            B any = algebra.bool(false);
            for (int i = 1; i <= router.interfaces().size(); i++) {
                if (m.matches(router.interfaceAt(i).name())) {
                    any = algebra.or(any, algebra.eq(index, algebra.bits(i, CompiledRouter.INDEX_WIDTH)));
                }
            }
            return any;
        });
    }
}
