package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Map;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;

/**
 * Match predicates over one header. A field whose value is known (always in a concrete run, for constants in a
 * symbolic one) is tested by comparing numbers, and the result is the constant the term would fold to; a symbolic
 * field gets its term, built once and shared: thousands of NAT or filter rules that name the same prefix or port
 * reuse one term.
 */
final class HeaderPredicates<B, V> {

    private static final int UNKNOWN = -1;

    private final HeaderAlgebra<B, V> algebra;
    private final AddressFamily family;
    private final CompiledConditions conditions;
    private final Header<V> header;
    private final B hasPorts;
    private final Boolean knownHasPorts;
    private final BigInteger knownSrc;
    private final BigInteger knownDst;
    private final int knownProtocol;
    private final int knownSrcPort;
    private final int knownDstPort;
    private final Map<AddressMatch, B> sourceMatches = new IdentityHashMap<>();
    private final Map<AddressMatch, B> destinationMatches = new IdentityHashMap<>();
    private final Map<ProtocolMatch, B> protocolMatches = new IdentityHashMap<>();
    private final Map<PortMatch, B> sourcePortMatches = new IdentityHashMap<>();
    private final Map<PortMatch, B> destinationPortMatches = new IdentityHashMap<>();

    /** Over a compiled router's header: its rules' conditions are already numbers. */
    HeaderPredicates(HeaderAlgebra<B, V> algebra, CompiledRouter router, Header<V> header) {
        this(algebra, router.family(), router.conditions(), header);
    }

    /** For conditions of any origin, turned into numbers as they are asked. */
    HeaderPredicates(HeaderAlgebra<B, V> algebra, AddressFamily family, Header<V> header) {
        this(algebra, family, null, header);
    }

    private HeaderPredicates(
            HeaderAlgebra<B, V> algebra, AddressFamily family, CompiledConditions conditions, Header<V> header) {
        this.algebra = algebra;
        this.family = family;
        this.conditions = conditions;
        this.header = header;
        this.hasPorts = header.hasPorts(algebra);
        this.knownHasPorts = algebra.truthOf(hasPorts);
        this.knownSrc = algebra.valueOf(header.src());
        this.knownDst = algebra.valueOf(header.dst());
        this.knownProtocol = small(header.protocol());
        this.knownSrcPort = small(header.srcPort());
        this.knownDstPort = small(header.dstPort());
    }

    Header<V> header() {
        return header;
    }

    /** The source address when it is known, else null. */
    BigInteger knownSource() {
        return knownSrc;
    }

    /** The destination address when it is known, else null. */
    BigInteger knownDestination() {
        return knownDst;
    }

    B hasPorts() {
        return hasPorts;
    }

    /** All conditions of the match. */
    B matches(PacketMatch match) {
        return matches(match, null, null);
    }

    /** All conditions of the match, with its address conditions already as numbers when given (not null). */
    B matches(PacketMatch match, AddressRanges source, AddressRanges destination) {
        B result = algebra.bool(true);
        if (!match.source().isAny()) result = algebra.and(result, sourceIn(match.source(), source));
        if (!match.destination().isAny()) result = algebra.and(result, destinationIn(match.destination(), destination));
        if (!match.protocol().isAny()) result = algebra.and(result, protocolIn(match.protocol()));
        if (!match.sourcePort().isAny()) result = algebra.and(result, sourcePortIn(match.sourcePort()));
        if (!match.destinationPort().isAny()) result = algebra.and(result, destinationPortIn(match.destinationPort()));
        return result;
    }

    B sourceIn(AddressMatch match) {
        return sourceIn(match, null);
    }

    B destinationIn(AddressMatch match) {
        return destinationIn(match, null);
    }

    private B sourceIn(AddressMatch match, AddressRanges known) {
        AddressRanges ranges = known != null ? known : ranges(match);
        if (knownSrc != null) return algebra.bool(ranges.contains(knownSrc));
        return sourceMatches.computeIfAbsent(match, m -> ranges.term(algebra, family.width(), header.src()));
    }

    private B destinationIn(AddressMatch match, AddressRanges known) {
        AddressRanges ranges = known != null ? known : ranges(match);
        if (knownDst != null) return algebra.bool(ranges.contains(knownDst));
        return destinationMatches.computeIfAbsent(match, m -> ranges.term(algebra, family.width(), header.dst()));
    }

    B protocolIn(ProtocolMatch match) {
        if (knownProtocol != UNKNOWN) return algebra.bool(match.protocols().contains(knownProtocol) != match.negated());
        return protocolMatches.computeIfAbsent(match, m -> {
            B inside = algebra.bool(false);
            for (int protocol : m.protocols()) {
                inside = algebra.or(
                        inside, algebra.eq(header.protocol(), algebra.bits(protocol, Header.PROTOCOL_WIDTH)));
            }
            return m.negated() ? algebra.not(inside) : inside;
        });
    }

    /** Port conditions imply TCP or UDP (nft {@code tcp dport}/{@code th dport} need a transport header). */
    B sourcePortIn(PortMatch match) {
        return portIn(header.srcPort(), knownSrcPort, match, sourcePortMatches);
    }

    B destinationPortIn(PortMatch match) {
        return portIn(header.dstPort(), knownDstPort, match, destinationPortMatches);
    }

    /** The source address lies in the block; a block of another family never matches. */
    B sourceInPrefix(PrefixBlock block) {
        return knownSrc != null
                ? algebra.bool(block.contains(family, knownSrc))
                : block.term(algebra, family, header.src());
    }

    /** The destination address lies in the block; a block of another family never matches. */
    B destinationInPrefix(PrefixBlock block) {
        return knownDst != null
                ? algebra.bool(block.contains(family, knownDst))
                : block.term(algebra, family, header.dst());
    }

    private AddressRanges ranges(AddressMatch match) {
        return conditions != null ? conditions.addresses(match) : AddressRanges.of(match, family);
    }

    private B portIn(V port, int known, PortMatch match, Map<PortMatch, B> built) {
        if (known != UNKNOWN && knownHasPorts != null) return algebra.bool(knownHasPorts && portInside(known, match));
        return built.computeIfAbsent(match, m -> {
            B inside = algebra.bool(false);
            for (PortRange range : m.ranges()) {
                B inRange = range.low() == range.high()
                        ? algebra.eq(port, algebra.bits(range.low(), Header.PORT_WIDTH))
                        : algebra.between(
                                port,
                                algebra.bits(range.low(), Header.PORT_WIDTH),
                                algebra.bits(range.high(), Header.PORT_WIDTH));
                inside = algebra.or(inside, inRange);
            }
            return algebra.and(hasPorts, m.negated() ? algebra.not(inside) : inside);
        });
    }

    private static boolean portInside(int port, PortMatch match) {
        boolean inside = false;
        for (PortRange range : match.ranges()) inside |= range.low() <= port && port <= range.high();
        return inside != match.negated();
    }

    /** The value of a protocol or port field when it is known, else {@link #UNKNOWN}. */
    private int small(V field) {
        BigInteger value = algebra.valueOf(field);
        return value == null ? UNKNOWN : value.intValue();
    }
}
