package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;

/**
 * Match predicates over one header, each built once and shared: thousands of NAT or filter rules that name the
 * same prefix or port reuse one term.
 */
final class HeaderPredicates<B, V> {

    private final HeaderAlgebra<B, V> algebra;
    private final AddressFamily family;
    private final Header<V> header;
    private final B hasPorts;
    private final Map<AddressMatch, B> sourceMatches = new HashMap<>();
    private final Map<AddressMatch, B> destinationMatches = new HashMap<>();
    private final Map<ProtocolMatch, B> protocolMatches = new HashMap<>();
    private final Map<PortMatch, B> sourcePortMatches = new HashMap<>();
    private final Map<PortMatch, B> destinationPortMatches = new HashMap<>();

    HeaderPredicates(HeaderAlgebra<B, V> algebra, AddressFamily family, Header<V> header) {
        this.algebra = algebra;
        this.family = family;
        this.header = header;
        this.hasPorts = header.hasPorts(algebra);
    }

    Header<V> header() {
        return header;
    }

    B hasPorts() {
        return hasPorts;
    }

    B matches(PacketMatch match) {
        B result = algebra.bool(true);
        if (!match.source().isAny()) result = algebra.and(result, sourceIn(match.source()));
        if (!match.destination().isAny()) result = algebra.and(result, destinationIn(match.destination()));
        if (!match.protocol().isAny()) result = algebra.and(result, protocolIn(match.protocol()));
        if (!match.sourcePort().isAny()) result = algebra.and(result, sourcePortIn(match.sourcePort()));
        if (!match.destinationPort().isAny()) result = algebra.and(result, destinationPortIn(match.destinationPort()));
        return result;
    }

    B sourceIn(AddressMatch match) {
        return sourceMatches.computeIfAbsent(match, m -> addressIn(header.src(), m));
    }

    B destinationIn(AddressMatch match) {
        return destinationMatches.computeIfAbsent(match, m -> addressIn(header.dst(), m));
    }

    B protocolIn(ProtocolMatch match) {
        return protocolMatches.computeIfAbsent(match, m -> {
            B inside = algebra.bool(false);
            for (int protocol : m.protocols()) {
                inside = algebra.or(inside, algebra.eq(header.protocol(), algebra.bits(protocol, Header.PROTOCOL_WIDTH)));
            }
            return m.negated() ? algebra.not(inside) : inside;
        });
    }

    /** Port conditions imply TCP or UDP (nft {@code tcp dport}/{@code th dport} need a transport header). */
    B sourcePortIn(PortMatch match) {
        return sourcePortMatches.computeIfAbsent(match, m -> portIn(header.srcPort(), m));
    }

    B destinationPortIn(PortMatch match) {
        return destinationPortMatches.computeIfAbsent(match, m -> portIn(header.dstPort(), m));
    }

    /** The address lies in the prefix; a prefix of another family never matches. */
    B addressInPrefix(V address, IPAddress prefix) {
        if (!family.contains(prefix)) return algebra.bool(false);
        int length = prefix.getNetworkPrefixLength() == null ? family.width() : prefix.getNetworkPrefixLength();
        if (length == 0) return algebra.bool(true);
        BigInteger mask = BigInteger.ONE.shiftLeft(family.width()).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(family.width() - length).subtract(BigInteger.ONE));
        BigInteger network = prefix.toPrefixBlock().getLower().getValue();
        V masked = length == family.width() ? address : algebra.bitAnd(address, algebra.bits(mask, family.width()));
        return algebra.eq(masked, algebra.bits(network, family.width()));
    }

    private B addressIn(V address, AddressMatch match) {
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

    private B portIn(V port, PortMatch match) {
        B inside = algebra.bool(false);
        for (PortRange range : match.ranges()) {
            B inRange = range.low() == range.high()
                    ? algebra.eq(port, algebra.bits(range.low(), Header.PORT_WIDTH))
                    : algebra.between(port, algebra.bits(range.low(), Header.PORT_WIDTH), algebra.bits(range.high(), Header.PORT_WIDTH));
            inside = algebra.or(inside, inRange);
        }
        return algebra.and(hasPorts, match.negated() ? algebra.not(inside) : inside);
    }
}
