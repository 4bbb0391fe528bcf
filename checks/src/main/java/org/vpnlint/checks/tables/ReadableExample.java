package org.vpnlint.checks.tables;

import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.Header;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Soft wishes that make a witness packet look like real traffic when the question allows it: TCP, host addresses
 * rather than network addresses or 0.0.0.0, an ephemeral source port. They never change the answer.
 */
final class ReadableExample {

    private static final int EPHEMERAL_PORT = 40000;

    private ReadableExample() {}

    static <B, V> void prefer(SymbolicQuery<B, V> query, Header<V> header, AddressFamily family) {
        var algebra = query.algebra();
        V lowByte = algebra.bits(0xFF, family.width());
        V zero = algebra.bits(0, family.width());
        query.prefer(algebra.eq(
                header.protocol(), algebra.bits(org.vpnlint.model.ProtocolMatch.TCP, Header.PROTOCOL_WIDTH)));
        V firstRoutable = algebra.bits(java.math.BigInteger.ONE.shiftLeft(family.width() - 8), family.width());
        for (V address : java.util.List.of(header.src(), header.dst())) {
            query.prefer(algebra.ule(firstRoutable, address)); // not 0.0.0.0/8 (or ::/8)
            query.prefer(algebra.not(algebra.eq(algebra.bitAnd(address, lowByte), zero)));
        }
        query.prefer(algebra.ule(algebra.bits(EPHEMERAL_PORT, Header.PORT_WIDTH), header.srcPort()));
        query.prefer(algebra.not(algebra.eq(header.dstPort(), algebra.bits(0, Header.PORT_WIDTH))));
    }
}
