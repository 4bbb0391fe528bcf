package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vpnlint.datapath.AddressFamily;
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
 * What a rule asks of each field of a chain packet ({@link RulePacket}), read as
 * {@link org.vpnlint.datapath.RuleMatch} and {@link ChainPacket} read it: every condition names one field and all
 * must hold, {@code !} negates one condition, ranges of the other address family never match, an interface
 * condition matches the numbers {@link InterfaceNames} gives the names it matches, and a port condition also needs
 * a TCP or UDP header ({@code needsPorts}). The possible packets at a hook are described the same way
 * ({@link #possibleAt}).
 */
record RuleConditions(List<FieldCondition> fields, boolean needsPorts) {

    /** The fields of a chain packet, in the order conditions and boxes keep them. */
    enum Field {
        SOURCE,
        DESTINATION,
        PROTOCOL,
        SOURCE_PORT,
        DESTINATION_PORT,
        INBOUND,
        OUTBOUND,
        STATE,
        DECRYPTED
    }

    static final int FIELD_COUNT = Field.values().length;

    /** The protocols that carry ports (the datapath's {@code Header.hasPorts}). */
    static final FieldCondition WITH_PORTS = FieldCondition.oneOf(List.of(ProtocolMatch.TCP, ProtocolMatch.UDP), false);

    RuleConditions {
        fields = List.copyOf(fields);
        if (fields.size() != FIELD_COUNT) throw new IllegalArgumentException("one condition per field");
    }

    FieldCondition field(Field field) {
        return fields.get(field.ordinal());
    }

    /** What the rule of this chain entry asks. */
    static RuleConditions of(ChainEntry entry, AddressFamily family, InterfaceNames interfaces) {
        return of(entry, new AddressSpans(family), interfaces);
    }

    /** As above, the rules of one chain sharing {@code addresses}: each group's spans are computed once. */
    static RuleConditions of(ChainEntry entry, AddressSpans addresses, InterfaceNames interfaces) {
        if (entry instanceof ChainEntry.Filter filter) return firewallRule(filter.rule(), addresses, interfaces);
        return natRule(((ChainEntry.Nat) entry).rule(), addresses, interfaces);
    }

    private static RuleConditions firewallRule(FirewallRule rule, AddressSpans addresses, InterfaceNames interfaces) {
        FieldCondition decrypted = rule.ipsec() == null
                ? FieldCondition.ANY
                : switch (rule.ipsec()) {
                    case IPSEC -> FieldCondition.between(1, 1);
                    case NONE -> FieldCondition.between(0, 0);
                    case ANY -> FieldCondition.ANY;
                };
        return header(
                rule.match(),
                addresses,
                interfaces(rule.inbound(), interfaces),
                interfaces(rule.outbound(), interfaces),
                states(rule.states()),
                decrypted);
    }

    /** Source rules look at the output interface, destination rules at the input one. */
    private static RuleConditions natRule(NatRule rule, AddressSpans addresses, InterfaceNames interfaces) {
        FieldCondition named = interfaces(rule.interfaceMatch(), interfaces);
        boolean source = rule.direction() == NatDirection.SOURCE;
        return header(
                rule.match(),
                addresses,
                source ? FieldCondition.ANY : named,
                source ? named : FieldCondition.ANY,
                FieldCondition.ANY,
                FieldCondition.ANY);
    }

    /**
     * The possible packets at the hook ({@link ChainPacket#wellFormed()} and {@link ChainPacket#at}): TCP or UDP with
     * any ports, or another protocol with both ports 0; interfaces among the known names, present as the hook has
     * them; a valid conntrack state. TCP and UDP come first.
     */
    static List<RuleConditions> possibleAt(ChainHook hook, InterfaceNames interfaces) {
        FieldCondition none = FieldCondition.between(0, 0);
        FieldCondition named = FieldCondition.between(1, interfaces.count());
        FieldCondition anyOrNone = FieldCondition.between(0, interfaces.count());
        List<FieldCondition[]> interfacePairs = switch (hook) {
            case FORWARD -> List.<FieldCondition[]>of(new FieldCondition[] {named, named});
            case INPUT, PREROUTING -> List.<FieldCondition[]>of(new FieldCondition[] {named, none});
            case OUTPUT, POSTROUTING -> List.<FieldCondition[]>of(new FieldCondition[] {none, named});
            case NAMED -> List.of(new FieldCondition[] {named, anyOrNone}, new FieldCondition[] {none, named});
        };
        FieldCondition states = FieldCondition.between(0, ConnectionState.values().length - 1);
        List<RuleConditions> possible = new ArrayList<>();
        for (boolean ports : new boolean[] {true, false}) {
            for (FieldCondition[] pair : interfacePairs) {
                FieldCondition protocol = ports ? WITH_PORTS : new FieldCondition(WITH_PORTS.spans(), true);
                FieldCondition port = ports ? FieldCondition.ANY : none;
                possible.add(new RuleConditions(
                        List.of(
                                FieldCondition.ANY,
                                FieldCondition.ANY,
                                protocol,
                                port,
                                port,
                                pair[0],
                                pair[1],
                                states,
                                FieldCondition.ANY),
                        false));
            }
        }
        return possible;
    }

    private static RuleConditions header(
            PacketMatch match,
            AddressSpans addresses,
            FieldCondition inbound,
            FieldCondition outbound,
            FieldCondition state,
            FieldCondition decrypted) {
        boolean needsPorts =
                !match.sourcePort().isAny() || !match.destinationPort().isAny();
        return new RuleConditions(
                List.of(
                        addresses.condition(match.source()),
                        addresses.condition(match.destination()),
                        protocols(match.protocol()),
                        ports(match.sourcePort()),
                        ports(match.destinationPort()),
                        inbound,
                        outbound,
                        state,
                        decrypted),
                needsPorts);
    }

    private static FieldCondition protocols(ProtocolMatch match) {
        return match.isAny() ? FieldCondition.ANY : FieldCondition.oneOf(match.protocols(), match.negated());
    }

    private static FieldCondition ports(PortMatch match) {
        if (match.isAny()) return FieldCondition.ANY;
        List<FieldCondition.Span> inside = new ArrayList<>();
        for (PortRange range : match.ranges()) {
            inside.add(new FieldCondition.Span(BigInteger.valueOf(range.low()), BigInteger.valueOf(range.high())));
        }
        return new FieldCondition(inside, match.negated());
    }

    /** No condition matches any interface number, 0 (none) too. */
    private static FieldCondition interfaces(InterfaceMatch match, InterfaceNames interfaces) {
        if (match == null || match.isAny()) return FieldCondition.ANY;
        return FieldCondition.oneOf(interfaces.matching(match), false);
    }

    private static FieldCondition states(Set<ConnectionState> states) {
        if (states.isEmpty()) return FieldCondition.ANY;
        return FieldCondition.oneOf(
                states.stream().map(ConnectionState::ordinal).toList(), false);
    }
}
