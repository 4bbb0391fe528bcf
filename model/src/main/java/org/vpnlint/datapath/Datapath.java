package org.vpnlint.datapath;

import org.vpnlint.model.Router;

/**
 * Entry points of the executable data path.
 *
 * <p>Concrete: {@code Datapath.replay(router, packet, SaStates.allUp())} gives a {@link PacketTrace}.
 *
 * <p>Symbolic (module solver): compile once, build a fresh packet, evaluate, and constrain the outcome terms:
 * <pre>{@code
 * CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);
 * PacketInput<B, V> packet = PacketInput.fresh(compiled, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
 * Outcome<B, V> outcome = Datapath.evaluate(algebra, compiled, packet);
 * int k = compiled.tunnelIndex(new TunnelRef("192.0.2.150", 1));
 * query.require(outcome.wellFormed());
 * query.require(packet.arrivesOnAnInterface(algebra, compiled));
 * query.require(packet.saUp(k));
 * // a packet tunnel k should protect (as it arrived; outcome.afterDestinationNat() for post-DNAT) leaves in cleartext
 * B leak = algebra.and(outcome.verdictIs(algebra, Verdict.CLEARTEXT),
 *                      Selectors.outbound(algebra, compiled, packet.header(), k));
 * }</pre>
 * then decode a witness with {@link PacketInput#decodePacket} / {@link PacketInput#decodeStates} and replay it.
 */
public final class Datapath {

    private Datapath() {}

    public static <B, V> Outcome<B, V> evaluate(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> input) {
        return evaluate(algebra, router, input, StepSink.ignoring());
    }

    public static <B, V> Outcome<B, V> evaluate(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> input, StepSink<B> sink) {
        return new Pipeline<>(algebra, router, input, sink).run();
    }

    /** Replays one packet through the router with the given SA states. */
    public static PacketTrace replay(Router router, ConcretePacket packet, SaStates states) {
        return replay(CompiledRouter.compile(router, packet.family()), packet, states);
    }

    /** Replays one packet through an already compiled router (of the packet's family). */
    public static PacketTrace replay(CompiledRouter router, ConcretePacket packet, SaStates states) {
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
        TraceRecorder recorder = new TraceRecorder();
        Fate<ConcreteBits> outcome =
                new Pipeline<>(algebra, router, PacketInput.of(algebra, router, packet, states), recorder).fate();
        Verdict verdict = Verdict.ofCode(outcome.verdict().intValue());
        DropReason reason = DropReason.ofCode(outcome.dropReason().intValue());
        int tunnel = outcome.tunnel().intValue();
        int egress = outcome.egress().intValue();
        return new PacketTrace(
                packet,
                states,
                verdict,
                tunnel == 0 ? null : router.tunnelAt(tunnel).ref(),
                egress == 0 ? null : router.interfaceName(egress),
                ConcreteHeader.of(outcome.finalHeader(), router.family()),
                verdict == Verdict.ENCRYPTED ? ConcreteHeader.of(outcome.outerHeader(), router.family()) : null,
                reason == DropReason.NONE ? null : reason,
                recorder.steps());
    }
}
