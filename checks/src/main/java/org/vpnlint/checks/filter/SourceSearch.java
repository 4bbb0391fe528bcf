package org.vpnlint.checks.filter;

import java.time.Duration;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Questions about a packet of a peer whose address is not configured: the packet is fixed except for its source,
 * which the solver chooses, and the whole datapath runs on it with every SA up.
 */
final class SourceSearch {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What must happen to the packet. */
    enum Goal {
        DROPPED_BY_INPUT_FILTER {
            @Override
            <B, V> B of(HeaderAlgebra<B, V> algebra, PacketInput<B, V> input, Outcome<B, V> outcome) {
                return outcome.droppedFor(algebra, DropReason.INPUT_FILTER);
            }
        },
        NOT_DROPPED_BY_INPUT_FILTER {
            @Override
            <B, V> B of(HeaderAlgebra<B, V> algebra, PacketInput<B, V> input, Outcome<B, V> outcome) {
                return algebra.not(outcome.droppedFor(algebra, DropReason.INPUT_FILTER));
            }
        },
        DESTINATION_REWRITTEN {
            @Override
            <B, V> B of(HeaderAlgebra<B, V> algebra, PacketInput<B, V> input, Outcome<B, V> outcome) {
                Header<V> before = input.header();
                Header<V> after = outcome.afterDestinationNat();
                return algebra.not(algebra.and(algebra.eq(before.dst(), after.dst()), algebra.eq(before.dstPort(), after.dstPort())));
            }
        };

        abstract <B, V> B of(HeaderAlgebra<B, V> algebra, PacketInput<B, V> input, Outcome<B, V> outcome);
    }

    private SourceSearch() {
    }

    /** Is there a source address for which {@code template} (its source ignored) meets the goal? */
    static QueryResult find(Solver solver, CompiledRouter router, ConcretePacket template, Goal goal, String purpose) {
        try (SymbolicQuery<?, ?> query = solver.newQuery(purpose, TIMEOUT)) {
            return find(query, router, template, goal);
        }
    }

    /** The packet of a witness of {@link #find}. */
    static ConcretePacket packet(CompiledRouter router, QueryResult.Witness witness) {
        return PacketInput.decodePacket(router, witness.values(), "");
    }

    private static <B, V> QueryResult find(SymbolicQuery<B, V> query, CompiledRouter router, ConcretePacket template, Goal goal) {
        var algebra = query.algebra();
        AddressFamily family = router.family();
        PacketInput<B, V> input = PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        Outcome<B, V> outcome = Datapath.evaluate(algebra, router, input);
        Header<V> header = input.header();
        query.require(outcome.wellFormed());
        query.require(algebra.eq(header.dst(), algebra.bits(family.valueOf(template.dst()), family.width())));
        query.require(algebra.eq(header.protocol(), algebra.bits(template.protocol(), Header.PROTOCOL_WIDTH)));
        query.require(algebra.eq(header.srcPort(), algebra.bits(template.srcPort(), Header.PORT_WIDTH)));
        query.require(algebra.eq(header.dstPort(), algebra.bits(template.dstPort(), Header.PORT_WIDTH)));
        query.require(algebra.eq(input.ingress(), algebra.bits(router.ingressCode(template.ingress()), CompiledRouter.INDEX_WIDTH)));
        query.require(algebra.not(algebra.eq(header.src(), algebra.bits(family.unknownAddress(), family.width()))));
        for (B up : input.saUp()) query.require(up);
        ReadableExample.prefer(query, header, family);
        return query.check(goal.of(algebra, input, outcome));
    }
}
