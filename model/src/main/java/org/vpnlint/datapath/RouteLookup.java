package org.vpnlint.datapath;

import java.util.List;

/**
 * The FIB lookup with VyOS's rules: local table, then strongSwan's table 220 (rule pref 220), then main. Within a
 * table the longest prefix wins, then the lowest distance; {@link CompiledRouter#routes()} is already in that
 * order, so the lookup is a first-match fold over present routes.
 */
final class RouteLookup<B, V> {

    static final int NONE = 0;
    static final int KIND_WIDTH = 8;

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledRouter router;
    private final PolicyLookup<B, V> policies;
    private final List<B> saUp;

    RouteLookup(HeaderAlgebra<B, V> algebra, CompiledRouter router, PolicyLookup<B, V> policies, List<B> saUp) {
        this.algebra = algebra;
        this.router = router;
        this.policies = policies;
        this.saUp = saUp;
    }

    static int code(RouteEntry.Kind kind) {
        return kind.ordinal() + 1;
    }

    RouteDecision<B, V> lookup(HeaderPredicates<B, V> predicates) {
        List<RouteEntry> routes = router.routes();
        V kind = algebra.bits(NONE, KIND_WIDTH);
        V egress = algebra.bits(0, CompiledRouter.INDEX_WIDTH);
        V entry = algebra.bits(0, CompiledRouter.INDEX_WIDTH);
        for (int i = routes.size() - 1; i >= 0; i--) {
            RouteEntry route = routes.get(i);
            B hit = algebra.and(present(route), predicates.addressInPrefix(predicates.header().dst(), route.prefix()));
            kind = algebra.ifBits(hit, algebra.bits(code(route.kind()), KIND_WIDTH), kind);
            egress = algebra.ifBits(hit, algebra.bits(route.egress(), CompiledRouter.INDEX_WIDTH), egress);
            entry = algebra.ifBits(hit, algebra.bits(i + 1, CompiledRouter.INDEX_WIDTH), entry);
        }
        return new RouteDecision<>(kind, egress, entry);
    }

    private B present(RouteEntry route) {
        return switch (route.presence()) {
            case ALWAYS -> algebra.bool(true);
            case WHILE_POLICIES -> policies.policiesPresent(router.tunnelAt(route.tunnelIndex()));
            case WHILE_SA_UP -> saUp.get(route.tunnelIndex() - 1);
        };
    }
}
