package org.vpnlint.parser.dialect;

import java.util.Map;
import org.vpnlint.model.ProtocolMatch;

/**
 * IP protocol values: names from /etc/protocols, numbers 0-255, {@code all}, {@code tcp_udp}, and a leading
 * {@code !} to negate.
 */
final class ProtocolSyntax {
    private static final Map<String, Integer> PROTOCOLS = Map.ofEntries(
            Map.entry("icmp", 1),
            Map.entry("igmp", 2),
            Map.entry("ipip", 4),
            Map.entry("ipencap", 4),
            Map.entry("tcp", 6),
            Map.entry("egp", 8),
            Map.entry("udp", 17),
            Map.entry("ipv6", 41),
            Map.entry("rsvp", 46),
            Map.entry("gre", 47),
            Map.entry("esp", 50),
            Map.entry("ah", 51),
            Map.entry("icmpv6", 58),
            Map.entry("ipv6-icmp", 58),
            Map.entry("ospf", 89),
            Map.entry("ospfigp", 89),
            Map.entry("pim", 103),
            Map.entry("vrrp", 112),
            Map.entry("l2tp", 115),
            Map.entry("sctp", 132),
            Map.entry("udplite", 136));

    private ProtocolSyntax() {}

    static ProtocolMatch match(String text) throws InvalidValue {
        boolean negated = text.startsWith("!");
        String name = negated ? text.substring(1) : text;
        if (name.equals("all")) {
            if (negated) throw new InvalidValue("'!all' matches no protocol");
            return ProtocolMatch.ANY;
        }
        if (name.equals("tcp_udp"))
            return new ProtocolMatch(
                    ProtocolMatch.of(ProtocolMatch.TCP, ProtocolMatch.UDP).protocols(), negated);
        return new ProtocolMatch(ProtocolMatch.of(number(name)).protocols(), negated);
    }

    /** One protocol, e.g. of an IPsec tunnel selector; {@code all} is null (no restriction). */
    static Integer single(String text) throws InvalidValue {
        if (text.equals("all")) return null;
        return number(text);
    }

    private static int number(String name) throws InvalidValue {
        Integer known = PROTOCOLS.get(name);
        if (known != null) return known;
        if (!name.isEmpty() && name.length() <= 3 && name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int number = Integer.parseInt(name);
            if (number <= 255) return number;
        }
        throw new InvalidValue("not an IP protocol name or number");
    }
}
