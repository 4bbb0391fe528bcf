package org.vpnlint.checks.tables;

import java.util.Set;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.RuleMatch;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;

/**
 * A {@link RulePacket} at a chain: which packets are possible, which hook the chain runs at, and which rules match.
 * Rules match as in the datapath ({@link RuleMatch}); this class only supplies what the rule questions range over
 * and the datapath does not: interfaces numbered by {@link InterfaceNames}, and every conntrack state, so that
 * {@code state established accept} is a real rule and not one that never matches.
 */
final class ChainPacket<B, V> {

    private final HeaderAlgebra<B, V> algebra;
    private final RulePacket<B, V> packet;
    private final InterfaceNames interfaces;
    private final RuleMatch<B, V> ruleMatch;
    private final RuleMatch.Interfaces<B> inbound;
    private final RuleMatch.Interfaces<B> outbound;
    private final RuleMatch.States<B> states;

    ChainPacket(HeaderAlgebra<B, V> algebra, AddressFamily family, RulePacket<B, V> packet, InterfaceNames interfaces) {
        this.algebra = algebra;
        this.packet = packet;
        this.interfaces = interfaces;
        this.ruleMatch = new RuleMatch<>(algebra, family, packet.header());
        this.inbound = match -> interfaceIs(packet.inbound(), match);
        this.outbound = match -> interfaceIs(packet.outbound(), match);
        this.states = this::stateIn;
    }

    /** A possible packet: ports only for TCP and UDP, interfaces among the known names, a valid state. */
    B wellFormed() {
        Header<V> header = packet.header();
        B noPorts = algebra.and(
                algebra.eq(header.srcPort(), algebra.bits(0, Header.PORT_WIDTH)),
                algebra.eq(header.dstPort(), algebra.bits(0, Header.PORT_WIDTH)));
        B ports = algebra.or(header.hasPorts(algebra), noPorts);
        V lastInterface = algebra.bits(interfaces.count(), RulePacket.INTERFACE_WIDTH);
        B names = algebra.and(
                algebra.ule(packet.inbound(), lastInterface), algebra.ule(packet.outbound(), lastInterface));
        B state =
                algebra.ule(packet.state(), algebra.bits(ConnectionState.values().length - 1, RulePacket.STATE_WIDTH));
        return algebra.and(ports, algebra.and(names, state));
    }

    /** The interfaces a packet at the hook has (see {@link ChainHook}); a named chain may be jumped to from any. */
    B at(ChainHook hook) {
        B in = present(packet.inbound());
        B out = present(packet.outbound());
        return switch (hook) {
            case FORWARD -> algebra.and(in, out);
            case INPUT, PREROUTING -> algebra.and(in, algebra.not(out));
            case OUTPUT, POSTROUTING -> algebra.and(algebra.not(in), out);
            case NAMED -> algebra.or(in, out);
        };
    }

    /** Whether the rule of this chain entry matches the packet. */
    B matches(ChainEntry entry) {
        if (entry instanceof ChainEntry.Filter filter) return firewallRule(filter.rule());
        return natRule(((ChainEntry.Nat) entry).rule());
    }

    B firewallRule(FirewallRule rule) {
        return ruleMatch.firewallRule(rule, inbound, outbound, states, packet.decrypted());
    }

    /** Source rules look at the output interface (POSTROUTING), destination rules at the input one (PREROUTING). */
    B natRule(NatRule rule) {
        return ruleMatch.natRule(rule, rule.direction() == NatDirection.SOURCE ? outbound : inbound);
    }

    private B interfaceIs(V index, InterfaceMatch match) {
        B any = algebra.bool(false);
        for (int number : interfaces.matching(match)) {
            any = algebra.or(any, algebra.eq(index, algebra.bits(number, RulePacket.INTERFACE_WIDTH)));
        }
        return any;
    }

    private B stateIn(Set<ConnectionState> allowed) {
        B any = algebra.bool(false);
        for (ConnectionState state : allowed) {
            any = algebra.or(any, algebra.eq(packet.state(), algebra.bits(state.ordinal(), RulePacket.STATE_WIDTH)));
        }
        return any;
    }

    private B present(V index) {
        return algebra.not(algebra.eq(index, algebra.bits(0, RulePacket.INTERFACE_WIDTH)));
    }
}
