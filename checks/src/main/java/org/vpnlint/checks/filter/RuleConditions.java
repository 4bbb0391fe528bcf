package org.vpnlint.checks.filter;

import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;

/**
 * The conditions of one filter or NAT rule as terms over a {@link RulePacket}, with the datapath's matching
 * semantics (org.vpnlint.datapath.HeaderPredicates, which is not public): address ranges of the chain's family,
 * {@code !} negating a whole condition, port conditions requiring TCP or UDP. Unlike the datapath, which runs the
 * first packet of a flow, rules here also see established, related and invalid packets, so that
 * {@code state established accept} is a real rule and not one that never matches.
 */
final class RuleConditions<B, V> {

    private final HeaderAlgebra<B, V> algebra;
    private final AddressFamily family;
    private final RulePacket<B, V> packet;
    private final InterfaceNames interfaces;

    RuleConditions(HeaderAlgebra<B, V> algebra, AddressFamily family, RulePacket<B, V> packet, InterfaceNames interfaces) {
        this.algebra = algebra;
        this.family = family;
        this.packet = packet;
        this.interfaces = interfaces;
    }

    /** A possible packet: ports only for TCP and UDP, interfaces among the known names, a valid state. */
    B wellFormed() {
        Header<V> header = packet.header();
        B noPorts = algebra.and(algebra.eq(header.srcPort(), algebra.bits(0, Header.PORT_WIDTH)),
                algebra.eq(header.dstPort(), algebra.bits(0, Header.PORT_WIDTH)));
        B ports = algebra.or(header.hasPorts(algebra), noPorts);
        V lastInterface = algebra.bits(interfaces.count(), RulePacket.INTERFACE_WIDTH);
        B names = algebra.and(algebra.ule(packet.inbound(), lastInterface), algebra.ule(packet.outbound(), lastInterface));
        B state = algebra.ule(packet.state(), algebra.bits(ConnectionState.values().length - 1, RulePacket.STATE_WIDTH));
        return algebra.and(ports, algebra.and(names, state));
    }

    /** The packet passes the forward hook (both interfaces known), input (no output interface) or output (no input). */
    B atForward() {
        return algebra.and(present(packet.inbound()), present(packet.outbound()));
    }

    B atInput() {
        return algebra.and(present(packet.inbound()), algebra.not(present(packet.outbound())));
    }

    B atOutput() {
        return algebra.and(algebra.not(present(packet.inbound())), present(packet.outbound()));
    }

    /** A named chain may be jumped to from any hook. */
    B atAnyHook() {
        return algebra.or(present(packet.inbound()), present(packet.outbound()));
    }

    /** Destination NAT sees arriving packets: an input interface is known (the output one is not yet). */
    B atPrerouting() {
        return algebra.and(present(packet.inbound()), algebra.not(present(packet.outbound())));
    }

    /** Source NAT sees packets about to leave: an output interface is known. */
    B atPostrouting() {
        return algebra.and(algebra.not(present(packet.inbound())), present(packet.outbound()));
    }

    /** Whether the rule of this chain entry matches the packet. */
    B entry(ChainEntry entry) {
        if (entry instanceof ChainEntry.Filter filter) return firewallRule(filter.rule());
        return natRule(((ChainEntry.Nat) entry).rule());
    }

    B firewallRule(FirewallRule rule) {
        B result = packet(rule.match());
        result = algebra.and(result, interfaceIs(packet.inbound(), rule.inbound()));
        result = algebra.and(result, interfaceIs(packet.outbound(), rule.outbound()));
        result = algebra.and(result, state(rule));
        if (rule.ipsec() != null) {
            switch (rule.ipsec()) {
                case IPSEC -> result = algebra.and(result, packet.decrypted());
                case NONE -> result = algebra.and(result, algebra.not(packet.decrypted()));
                case ANY -> {
                }
            }
        }
        return result;
    }

    /** Source rules look at the output interface (POSTROUTING), destination rules at the input one (PREROUTING). */
    B natRule(NatRule rule) {
        V where = rule.direction() == NatDirection.SOURCE ? packet.outbound() : packet.inbound();
        return algebra.and(interfaceIs(where, rule.interfaceMatch()), packet(rule.match()));
    }

    B packet(PacketMatch match) {
        Header<V> header = packet.header();
        B result = algebra.bool(true);
        if (!match.source().isAny()) result = algebra.and(result, addressIn(header.src(), match.source()));
        if (!match.destination().isAny()) result = algebra.and(result, addressIn(header.dst(), match.destination()));
        if (!match.protocol().isAny()) result = algebra.and(result, protocolIn(match.protocol()));
        if (!match.sourcePort().isAny()) result = algebra.and(result, portIn(header.srcPort(), match.sourcePort()));
        if (!match.destinationPort().isAny()) result = algebra.and(result, portIn(header.dstPort(), match.destinationPort()));
        return result;
    }

    B addressIn(V address, AddressMatch match) {
        if (match.isAny()) return algebra.bool(true);
        B inside = algebra.bool(false);
        for (IPAddressSeqRange range : match.ranges()) {
            if (range.getLower().isIPv4() != (family == AddressFamily.IPV4)) continue;
            BigInteger low = range.getLower().getValue();
            BigInteger high = range.getUpper().getValue();
            B inRange = low.equals(high) ? algebra.eq(address, algebra.bits(low, family.width()))
                    : algebra.between(address, algebra.bits(low, family.width()), algebra.bits(high, family.width()));
            inside = algebra.or(inside, inRange);
        }
        return match.negated() ? algebra.not(inside) : inside;
    }

    private B protocolIn(ProtocolMatch match) {
        B inside = algebra.bool(false);
        for (int protocol : match.protocols()) {
            inside = algebra.or(inside, algebra.eq(packet.header().protocol(), algebra.bits(protocol, Header.PROTOCOL_WIDTH)));
        }
        return match.negated() ? algebra.not(inside) : inside;
    }

    private B portIn(V port, PortMatch match) {
        B inside = algebra.bool(false);
        for (PortRange range : match.ranges()) {
            B inRange = range.low() == range.high()
                    ? algebra.eq(port, algebra.bits(range.low(), Header.PORT_WIDTH))
                    : algebra.between(port, algebra.bits(range.low(), Header.PORT_WIDTH), algebra.bits(range.high(), Header.PORT_WIDTH));
            inside = algebra.or(inside, inRange);
        }
        return algebra.and(packet.header().hasPorts(algebra), match.negated() ? algebra.not(inside) : inside);
    }

    /** No condition matches every packet, including one at a hook without that interface; a condition needs one. */
    private B interfaceIs(V index, InterfaceMatch match) {
        if (match == null || match.isAny()) return algebra.bool(true);
        B any = algebra.bool(false);
        for (int number : interfaces.matching(match)) {
            any = algebra.or(any, algebra.eq(index, algebra.bits(number, RulePacket.INTERFACE_WIDTH)));
        }
        return any;
    }

    private B state(FirewallRule rule) {
        if (rule.states().isEmpty()) return algebra.bool(true);
        B any = algebra.bool(false);
        for (ConnectionState state : rule.states()) {
            any = algebra.or(any, algebra.eq(packet.state(), algebra.bits(state.ordinal(), RulePacket.STATE_WIDTH)));
        }
        return any;
    }

    private B present(V index) {
        return algebra.not(algebra.eq(index, algebra.bits(0, RulePacket.INTERFACE_WIDTH)));
    }
}
