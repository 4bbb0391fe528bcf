package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The FIB lookup with VyOS's rules: local table, the policy-routing tables and strongSwan's table 220 by rule
 * preference, then main. Within a table the longest prefix wins, then the lowest distance;
 * {@link CompiledRouter#routes()} is already in that order, so the lookup is a first-match fold over present routes.
 * A policy table's routes count only for a packet marked for that table; a table without a matching route passes
 * the lookup on to the next rule, which the fold does by itself.
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

    /**
     * The first present route holding the destination ({@link FirstMatch}).
     *
     * @param table the table policy routing marked the packet for, 0 for none
     */
    RouteDecision<B, V> lookup(HeaderPredicates<B, V> predicates, V table) {
        List<RouteEntry> routes = router.routes();
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        BigInteger destination = predicates.knownDestination();
        // for a known destination only the routes holding it may apply
        int[] candidates = destination != null
                ? router.conditions().routesHolding(destination)
                : IntStream.range(0, routes.size()).toArray();
        for (int c = 0; c < candidates.length && !scan.decided(); c++) {
            int i = candidates[c];
            RouteEntry route = routes.get(i);
            B present = present(route);
            if (route.table() == RouteEntry.Table.POLICY) {
                present = algebra.and(
                        present, algebra.eq(table, algebra.bits(route.policyTable(), CompiledRouter.INDEX_WIDTH)));
            }
            if (Boolean.FALSE.equals(algebra.truthOf(present))) continue;
            scan.offer(
                    i,
                    algebra.and(
                            present,
                            predicates.destinationInPrefix(router.conditions().routePrefix(i))));
        }
        RouteEntry won = scan.decided() ? routes.get(scan.winner()) : null;
        V kind = algebra.bits(won == null ? NONE : code(won.kind()), KIND_WIDTH);
        V egress = algebra.bits(won == null ? 0 : won.egress(), CompiledRouter.INDEX_WIDTH);
        V entry = algebra.bits(scan.winner() + 1, CompiledRouter.INDEX_WIDTH);
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            RouteEntry route = routes.get(scan.position(k));
            B hit = scan.condition(k);
            kind = algebra.ifBits(hit, algebra.bits(code(route.kind()), KIND_WIDTH), kind);
            egress = algebra.ifBits(hit, algebra.bits(route.egress(), CompiledRouter.INDEX_WIDTH), egress);
            entry = algebra.ifBits(hit, algebra.bits(scan.position(k) + 1, CompiledRouter.INDEX_WIDTH), entry);
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
