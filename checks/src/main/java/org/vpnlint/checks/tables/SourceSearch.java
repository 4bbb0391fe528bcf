package org.vpnlint.checks.tables;

import inet.ipaddr.IPAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Questions about a packet of a peer whose address is not configured: the packet is fixed except for its source,
 * which the solver chooses, and the whole datapath runs on it with every SA up. One search serves the flows of one
 * router: peers without an address that share a local address send the same packet, so the solver is asked once
 * per packet and goal, not once per peer.
 */
final class SourceSearch {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final RuleContext context;
    private final Map<Question, QueryResult> answers = new HashMap<>();

    /** A question as the solver sees it: the router is fixed by the family, the source is left free. */
    private record Question(
            AddressFamily family, IPAddress dst, int protocol, int srcPort, int dstPort, Ingress ingress, Goal goal) {

        static Question of(AddressFamily family, ConcretePacket template, Goal goal) {
            return new Question(
                    family,
                    template.dst(),
                    template.protocol(),
                    template.srcPort(),
                    template.dstPort(),
                    template.ingress(),
                    goal);
        }
    }

    SourceSearch(RuleContext context) {
        this.context = context;
    }

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
                return algebra.not(algebra.and(
                        algebra.eq(before.dst(), after.dst()), algebra.eq(before.dstPort(), after.dstPort())));
            }
        };

        abstract <B, V> B of(HeaderAlgebra<B, V> algebra, PacketInput<B, V> input, Outcome<B, V> outcome);
    }

    /**
     * Is there a source address for which {@code template} (its source ignored) meets the goal? {@code router} is the
     * search's router compiled for the template's family.
     */
    QueryResult find(CompiledRouter router, ConcretePacket template, Goal goal, String purpose) {
        Question question = Question.of(router.family(), template, goal);
        QueryResult known = answers.get(question);
        if (known != null) return known;
        QueryResult answer;
        try (SymbolicQuery<?, ?> query = context.solver().newQuery(purpose, TIMEOUT)) {
            answer = find(query, router, template, goal);
        }
        answers.put(question, answer);
        return answer;
    }

    /** The packet of a witness of {@link #find}. */
    static ConcretePacket packet(CompiledRouter router, QueryResult.Witness witness) {
        return PacketInput.decodePacket(router, witness.values(), "");
    }

    private static <B, V> QueryResult find(
            SymbolicQuery<B, V> query, CompiledRouter router, ConcretePacket template, Goal goal) {
        var algebra = query.algebra();
        AddressFamily family = router.family();
        PacketInput<B, V> input =
                PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        Outcome<B, V> outcome = Datapath.evaluate(algebra, router, input);
        Header<V> header = input.header();
        query.require(outcome.wellFormed());
        query.require(algebra.eq(header.dst(), algebra.bits(family.valueOf(template.dst()), family.width())));
        query.require(algebra.eq(header.protocol(), algebra.bits(template.protocol(), Header.PROTOCOL_WIDTH)));
        query.require(algebra.eq(header.srcPort(), algebra.bits(template.srcPort(), Header.PORT_WIDTH)));
        query.require(algebra.eq(header.dstPort(), algebra.bits(template.dstPort(), Header.PORT_WIDTH)));
        query.require(algebra.eq(
                input.ingress(), algebra.bits(router.ingressCode(template.ingress()), CompiledRouter.INDEX_WIDTH)));
        query.require(algebra.not(algebra.eq(header.src(), algebra.bits(family.unknownAddress(), family.width()))));
        for (B up : input.saUp()) query.require(up);
        ReadableExample.prefer(query, header, family);
        return query.check(goal.of(algebra, input, outcome));
    }
}
