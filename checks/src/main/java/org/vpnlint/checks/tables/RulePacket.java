package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;
import org.vpnlint.checks.tables.RuleConditions.Field;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteAlgebra;
import org.vpnlint.datapath.ConcreteBits;
import org.vpnlint.datapath.Header;
import org.vpnlint.solver.SymbolicAlgebra;

/**
 * A packet as one filter or NAT chain sees it: its header, the input and output interface (numbers of
 * {@link InterfaceNames}, 0 when the hook has none), whether IPsec decrypted it, and its conntrack state
 * (a {@link org.vpnlint.model.ConnectionState} ordinal). Rule questions range over all of these, not only over
 * the first packet of a flow.
 */
record RulePacket<B, V>(Header<V> header, V inbound, V outbound, B decrypted, V state) {

    static final int INTERFACE_WIDTH = CompiledRouter.INDEX_WIDTH; // numbered like the datapath's interfaces
    static final int STATE_WIDTH = 2;

    static <B, V> RulePacket<B, V> fresh(SymbolicAlgebra<B, V> algebra, AddressFamily family) {
        Header<V> header = new Header<>(
                algebra.freshBits("src", family.width()),
                algebra.freshBits("dst", family.width()),
                algebra.freshBits("protocol", Header.PROTOCOL_WIDTH),
                algebra.freshBits("srcPort", Header.PORT_WIDTH),
                algebra.freshBits("dstPort", Header.PORT_WIDTH));
        return new RulePacket<>(
                header,
                algebra.freshBits("in", INTERFACE_WIDTH),
                algebra.freshBits("out", INTERFACE_WIDTH),
                algebra.freshBool("decrypted"),
                algebra.freshBits("state", STATE_WIDTH));
    }

    /** The same packet with known values, to replay a chain concretely. */
    static RulePacket<Boolean, ConcreteBits> concrete(AddressFamily family, Values values) {
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
        Header<ConcreteBits> header = Header.constant(
                algebra, family, values.src(), values.dst(), values.protocol(), values.srcPort(), values.dstPort());
        return new RulePacket<>(
                header,
                algebra.bits(values.inbound(), INTERFACE_WIDTH),
                algebra.bits(values.outbound(), INTERFACE_WIDTH),
                values.decrypted(),
                algebra.bits(values.state(), STATE_WIDTH));
    }

    /** The values of a solver witness (absent variables read as 0). */
    static Values decode(Map<String, BigInteger> witness) {
        return new Values(
                value(witness, "src"),
                value(witness, "dst"),
                value(witness, "protocol").intValue(),
                value(witness, "srcPort").intValue(),
                value(witness, "dstPort").intValue(),
                value(witness, "in").intValue(),
                value(witness, "out").intValue(),
                value(witness, "decrypted").signum() != 0,
                value(witness, "state").intValue());
    }

    /** One concrete packet of the chain question. */
    record Values(
            BigInteger src,
            BigInteger dst,
            int protocol,
            int srcPort,
            int dstPort,
            int inbound,
            int outbound,
            boolean decrypted,
            int state) {

        /** The packet whose fields have the values {@code valueOf} gives (decrypted: any value but 0). */
        static Values of(Function<Field, BigInteger> valueOf) {
            return new Values(
                    valueOf.apply(Field.SOURCE),
                    valueOf.apply(Field.DESTINATION),
                    valueOf.apply(Field.PROTOCOL).intValue(),
                    valueOf.apply(Field.SOURCE_PORT).intValue(),
                    valueOf.apply(Field.DESTINATION_PORT).intValue(),
                    valueOf.apply(Field.INBOUND).intValue(),
                    valueOf.apply(Field.OUTBOUND).intValue(),
                    valueOf.apply(Field.DECRYPTED).signum() != 0,
                    valueOf.apply(Field.STATE).intValue());
        }
    }

    private static BigInteger value(Map<String, BigInteger> witness, String name) {
        return witness.getOrDefault(name, BigInteger.ZERO);
    }
}
