package org.vpnlint.datapath;

/**
 * What the pipeline computes for a packet, as algebra terms.
 *
 * @param verdict             a {@link Verdict} code ({@link Verdict#WIDTH} bits)
 * @param dropReason          a {@link DropReason} code ({@link DropReason#WIDTH} bits); NONE unless dropped or unreachable
 * @param tunnel              tunnel index that encrypted the packet, or whose trap policy dropped it; 0 otherwise
 * @param egress              interface index the packet leaves by (for an encrypted packet: the ESP packet's); 0 if none
 * @param finalHeader         the inner header when the verdict was reached (after DNAT and SNAT where they ran)
 * @param outerHeader         the ESP (or UDP 4500) packet of an encrypted packet, after its own POSTROUTING
 * @param afterDestinationNat the header after PREROUTING (what routing and the first policy lookup saw)
 * @param firstLookup         the policy lookup before FORWARD (post-DNAT, pre-SNAT)
 * @param sourceNatted        whether POSTROUTING translated the source (which triggers the second lookup)
 * @param afterSourceNat      the header after POSTROUTING source NAT
 * @param sourceNatRule       1 + the position in {@link CompiledRouter#sourceNat()} of the first rule that matched in
 *                            POSTROUTING (an exclude too), 0 if none, size + 1 when a load balancer's own source NAT
 *                            translated the connection ({@link CompiledRouter#INDEX_WIDTH} bits)
 * @param wellFormed          the input is a possible packet: a valid ingress, ports 0 for protocols without ports;
 *                            a symbolic query must require it
 */
public record Outcome<B, V>(
        V verdict,
        V dropReason,
        V tunnel,
        V egress,
        Header<V> finalHeader,
        Header<V> outerHeader,
        Header<V> afterDestinationNat,
        PolicyHit<B, V> firstLookup,
        B sourceNatted,
        Header<V> afterSourceNat,
        V sourceNatRule,
        B wellFormed) {

    public B verdictIs(HeaderAlgebra<B, V> algebra, Verdict expected) {
        return algebra.eq(verdict, algebra.bits(expected.code(), Verdict.WIDTH));
    }

    public B droppedFor(HeaderAlgebra<B, V> algebra, DropReason reason) {
        return algebra.eq(dropReason, algebra.bits(reason.code(), DropReason.WIDTH));
    }

    /** The packet is encrypted by the tunnel with this index ({@link CompiledRouter#tunnelIndex}). */
    public B encryptedBy(HeaderAlgebra<B, V> algebra, int tunnelIndex) {
        return algebra.and(
                verdictIs(algebra, Verdict.ENCRYPTED),
                algebra.eq(tunnel, algebra.bits(tunnelIndex, CompiledRouter.INDEX_WIDTH)));
    }

    /** The packet leaves by the interface with this index ({@link CompiledRouter#interfaceIndex}). */
    public B leavesBy(HeaderAlgebra<B, V> algebra, int interfaceIndex) {
        return algebra.eq(egress, algebra.bits(interfaceIndex, CompiledRouter.INDEX_WIDTH));
    }
}
