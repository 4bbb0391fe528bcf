package org.vpnlint.datapath;

import java.math.BigInteger;

/**
 * The header fields the data path decides on, as algebra terms: source and destination address (32 or 128 bits),
 * IP protocol (8 bits), source and destination port (16 bits each; 0 for protocols without ports).
 */
public record Header<V>(V src, V dst, V protocol, V srcPort, V dstPort) {

    public static final int PROTOCOL_WIDTH = 8;
    public static final int PORT_WIDTH = 16;

    public static <B, V> Header<V> constant(
            HeaderAlgebra<B, V> algebra,
            AddressFamily family,
            BigInteger src,
            BigInteger dst,
            int protocol,
            int srcPort,
            int dstPort) {
        return new Header<>(
                algebra.bits(src, family.width()),
                algebra.bits(dst, family.width()),
                algebra.bits(protocol, PROTOCOL_WIDTH),
                algebra.bits(srcPort, PORT_WIDTH),
                algebra.bits(dstPort, PORT_WIDTH));
    }

    /** Field by field {@code condition ? then : otherwise}. */
    public static <B, V> Header<V> choose(
            HeaderAlgebra<B, V> algebra, B condition, Header<V> then, Header<V> otherwise) {
        if (then == otherwise) return then;
        return new Header<>(
                pick(algebra, condition, then.src, otherwise.src),
                pick(algebra, condition, then.dst, otherwise.dst),
                pick(algebra, condition, then.protocol, otherwise.protocol),
                pick(algebra, condition, then.srcPort, otherwise.srcPort),
                pick(algebra, condition, then.dstPort, otherwise.dstPort));
    }

    /** True when the protocol carries ports (TCP, UDP), the only ones whose ports NAT and selectors look at. */
    public <B> B hasPorts(HeaderAlgebra<B, V> algebra) {
        return algebra.or(
                algebra.eq(protocol, algebra.bits(6, PROTOCOL_WIDTH)),
                algebra.eq(protocol, algebra.bits(17, PROTOCOL_WIDTH)));
    }

    public Header<V> withSrc(V newSrc, V newSrcPort) {
        return new Header<>(newSrc, dst, protocol, newSrcPort, dstPort);
    }

    public Header<V> withDst(V newDst, V newDstPort) {
        return new Header<>(src, newDst, protocol, srcPort, newDstPort);
    }

    private static <B, V> V pick(HeaderAlgebra<B, V> algebra, B condition, V then, V otherwise) {
        return then == otherwise ? then : algebra.ifBits(condition, then, otherwise);
    }
}
