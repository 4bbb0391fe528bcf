package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's input as algebra terms: the header as the packet enters, the ingress (see
 * {@link CompiledRouter} for the enumeration), one boolean per tunnel, true while its SA is up
 * (list position = tunnel index - 1), and the WAN a load balancer chose for the packet's connection (an interface
 * index; null or a WAN not in the rule's group means the group's first WAN).
 */
public record PacketInput<B, V>(Header<V> header, V ingress, List<B> saUp, V wan) {

    public static final String SRC = "src";
    public static final String DST = "dst";
    public static final String PROTOCOL = "protocol";
    public static final String SRC_PORT = "srcPort";
    public static final String DST_PORT = "dstPort";
    public static final String INGRESS = "ingress";
    public static final String SA_UP = "saUp";
    public static final String WAN = "wan";

    public PacketInput {
        saUp = saUp instanceof SameForEveryTunnel<B> same ? same : List.copyOf(saUp); // that one is unmodifiable
    }

    /** A packet for which no load balancer chooses (the first WAN of a group, if one is met). */
    public PacketInput(Header<V> header, V ingress, List<B> saUp) {
        this(header, ingress, saUp, null);
    }

    /**
     * A packet whose every field is a fresh variable, named {@code prefix + "src"}, ..., {@code prefix + "saUp" + k}
     * (k = tunnel index), and {@code prefix + "wan"} when the router balances connections among WANs. Read a witness
     * back with {@link #decodePacket} and {@link #decodeStates}.
     */
    public static <B, V> PacketInput<B, V> fresh(CompiledRouter router, FreshVariables<B, V> variables, String prefix) {
        int width = router.family().width();
        Header<V> header = new Header<>(
                variables.bits(prefix + SRC, width),
                variables.bits(prefix + DST, width),
                variables.bits(prefix + PROTOCOL, Header.PROTOCOL_WIDTH),
                variables.bits(prefix + SRC_PORT, Header.PORT_WIDTH),
                variables.bits(prefix + DST_PORT, Header.PORT_WIDTH));
        List<B> saUp = new ArrayList<>();
        for (CompiledTunnel tunnel : router.tunnels()) saUp.add(variables.bool(prefix + SA_UP + tunnel.index()));
        V wan = router.balancesConnections() ? variables.bits(prefix + WAN, CompiledRouter.INDEX_WIDTH) : null;
        return new PacketInput<>(header, variables.bits(prefix + INGRESS, CompiledRouter.INDEX_WIDTH), saUp, wan);
    }

    /** A known packet and SA states as constants of the algebra. */
    public static <B, V> PacketInput<B, V> of(
            HeaderAlgebra<B, V> algebra, CompiledRouter router, ConcretePacket packet, SaStates states) {
        AddressFamily family = router.family();
        if (packet.family() != family) {
            throw new IllegalArgumentException("packet is " + packet.family() + ", the compiled router " + family);
        }
        Header<V> header = Header.constant(
                algebra,
                family,
                family.valueOf(packet.src()),
                family.valueOf(packet.dst()),
                packet.protocol(),
                packet.srcPort(),
                packet.dstPort());
        List<B> saUp;
        if (states.exceptions().isEmpty()) {
            saUp = new SameForEveryTunnel<>(
                    algebra.bool(states.defaultUp()), router.tunnels().size());
        } else {
            saUp = new ArrayList<>();
            for (CompiledTunnel tunnel : router.tunnels()) saUp.add(algebra.bool(states.isUp(tunnel.ref())));
        }
        V wan = packet.wan() == null
                ? null
                : algebra.bits(router.interfaceIndex(packet.wan()), CompiledRouter.INDEX_WIDTH);
        return new PacketInput<>(
                header, algebra.bits(router.ingressCode(packet.ingress()), CompiledRouter.INDEX_WIDTH), saUp, wan);
    }

    /** The packet arrives on one of the router's interfaces (not the router's own, not decrypted). */
    public B arrivesOnAnInterface(HeaderAlgebra<B, V> algebra, CompiledRouter router) {
        return algebra.between(
                ingress,
                algebra.bits(1, CompiledRouter.INDEX_WIDTH),
                algebra.bits(router.interfaces().size(), CompiledRouter.INDEX_WIDTH));
    }

    /** The packet arrives on the named interface. */
    public B arrivesOn(HeaderAlgebra<B, V> algebra, CompiledRouter router, String interfaceName) {
        return algebra.eq(
                ingress,
                algebra.bits(router.ingressCode(Ingress.onInterface(interfaceName)), CompiledRouter.INDEX_WIDTH));
    }

    /** The router itself sends the packet. */
    public B generatedLocally(HeaderAlgebra<B, V> algebra) {
        return algebra.eq(ingress, algebra.bits(0, CompiledRouter.INDEX_WIDTH));
    }

    /** The SA of the tunnel with this index is up. */
    public B saUp(int tunnelIndex) {
        return saUp.get(tunnelIndex - 1);
    }

    /** The packet of a solver witness (variable name → value, booleans as 0/1); absent variables read as 0. */
    public static ConcretePacket decodePacket(CompiledRouter router, Map<String, BigInteger> witness, String prefix) {
        AddressFamily family = router.family();
        int ingress = value(witness, prefix + INGRESS)
                .min(BigInteger.valueOf(router.ingressCount() - 1L))
                .intValue();
        return new ConcretePacket(
                family.addressOf(value(witness, prefix + SRC)),
                family.addressOf(value(witness, prefix + DST)),
                value(witness, prefix + PROTOCOL).intValue(),
                value(witness, prefix + SRC_PORT).intValue(),
                value(witness, prefix + DST_PORT).intValue(),
                router.ingressOf(ingress),
                router.balancesConnections() ? router.balancedWan(value(witness, prefix + WAN)) : null);
    }

    /** The SA states of a solver witness: each tunnel up or down as the witness says. */
    public static SaStates decodeStates(CompiledRouter router, Map<String, BigInteger> witness, String prefix) {
        SaStates states = SaStates.allUp();
        for (CompiledTunnel tunnel : router.tunnels()) {
            states = states.with(
                    tunnel.ref(),
                    value(witness, prefix + SA_UP + tunnel.index()).signum() != 0);
        }
        return states;
    }

    private static BigInteger value(Map<String, BigInteger> witness, String name) {
        return witness.getOrDefault(name, BigInteger.ZERO);
    }
}
