package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The match part of an nft rule, as VyOS's nftables templates write it
 * (docs/semantics/vyos-rendering.md#nat-rendering): {@code ip saddr != {...}}, {@code meta l4proto {...}},
 * {@code tcp dport}/{@code th dport}, {@code oifname {...}}. Interface names are translated to the topology's devices;
 * wildcards are expanded against the router's interfaces first, because {@code eth*} would not match {@code r1}.
 */
final class NftMatchText {

    private final Router router;
    private final InterfaceMapping interfaces;

    NftMatchText(Router router, InterfaceMapping interfaces) {
        this.router = router;
        this.interfaces = interfaces;
    }

    /** Header conditions; empty when the match is "any". Port conditions imply TCP or UDP, as in the model. */
    String packet(PacketMatch match) {
        List<String> parts = new ArrayList<>();
        address("ip saddr", match.source()).ifPresent(parts::add);
        address("ip daddr", match.destination()).ifPresent(parts::add);
        boolean ports = !match.sourcePort().isAny() || !match.destinationPort().isAny();
        String portPrefix = "th";
        Set<Integer> protocols = match.protocol().protocols();
        if (!match.protocol().isAny()) {
            parts.add("meta l4proto " + (match.protocol().negated() ? "!= " : "") + set(protocolNames(protocols)));
        }
        if (ports) {
            boolean onlyTcp = !match.protocol().negated() && protocols.equals(Set.of(ProtocolMatch.TCP));
            boolean onlyUdp = !match.protocol().negated() && protocols.equals(Set.of(ProtocolMatch.UDP));
            if (onlyTcp || onlyUdp) {
                portPrefix = onlyTcp ? "tcp" : "udp";
            } else if (match.protocol().isAny()
                    || match.protocol().negated()
                    || !Set.of(ProtocolMatch.TCP, ProtocolMatch.UDP).containsAll(protocols)) {
                parts.add("meta l4proto { tcp, udp }");
            }
        }
        port(portPrefix + " sport", match.sourcePort()).ifPresent(parts::add);
        port(portPrefix + " dport", match.destinationPort()).ifPresent(parts::add);
        return String.join(" ", parts);
    }

    /** True when a packet matching this has a TCP or UDP header (what a port translation needs in nft). */
    static boolean impliesPorts(PacketMatch match) {
        boolean portCondition =
                !match.sourcePort().isAny() || !match.destinationPort().isAny();
        boolean ported = !match.protocol().isAny()
                && !match.protocol().negated()
                && Set.of(ProtocolMatch.TCP, ProtocolMatch.UDP)
                        .containsAll(match.protocol().protocols());
        return portCondition || ported;
    }

    /** {@code oifname}/{@code iifname} condition; empty for "any". */
    Optional<String> interfaceCondition(String keyword, InterfaceMatch match) {
        if (match == null || match.isAny()) return Optional.empty();
        Set<String> names = new LinkedHashSet<>();
        for (String pattern : match.names()) {
            InterfaceMatch single = new InterfaceMatch(List.of(pattern), false);
            boolean any = false;
            for (NetInterface candidate : router.interfaces()) {
                if (single.matches(candidate.name())) {
                    names.add(quoted(interfaces.kernelName(candidate.name())));
                    any = true;
                }
            }
            if (!any) names.add(quoted(pattern)); // names no device here, in the kernel as in the model
        }
        return Optional.of(keyword + " " + (match.negated() ? "!= " : "") + set(List.copyOf(names)));
    }

    private static Optional<String> address(String field, AddressMatch match) {
        if (match.isAny()) return Optional.empty();
        List<String> elements = new ArrayList<>();
        for (IPAddressSeqRange range : match.ranges()) {
            if (!range.getLower().isIPv4()) throw new UnsupportedCase("IPv6 address " + range + " in an IPv4 rule");
            elements.add(rangeText(range));
        }
        if (elements.isEmpty()) throw new UnsupportedCase("negated empty address set " + match.text());
        return Optional.of(field + " " + (match.negated() ? "!= " : "") + set(elements));
    }

    static String rangeText(IPAddressSeqRange range) {
        IPAddress block = range.coverWithPrefixBlock();
        if (block.getLower().equals(range.getLower()) && block.getUpper().equals(range.getUpper())) {
            return block.getPrefixLength() == null || block.getPrefixLength() == 32
                    ? Ipv4Text.host(range.getLower())
                    : Ipv4Text.prefix(block);
        }
        return Ipv4Text.host(range.getLower()) + "-" + Ipv4Text.host(range.getUpper());
    }

    private static Optional<String> port(String field, PortMatch match) {
        if (match.isAny()) return Optional.empty();
        List<String> elements = match.ranges().stream().map(PortRange::toString).toList();
        return Optional.of(field + " " + (match.negated() ? "!= " : "") + set(elements));
    }

    private static List<String> protocolNames(Set<Integer> protocols) {
        return protocols.stream()
                .sorted()
                .map(p -> switch (p) {
                    case ProtocolMatch.TCP -> "tcp";
                    case ProtocolMatch.UDP -> "udp";
                    case ProtocolMatch.ICMP -> "icmp";
                    case ProtocolMatch.GRE -> "gre";
                    case ProtocolMatch.ESP -> "esp";
                    default -> Integer.toString(p);
                })
                .toList();
    }

    static String set(List<String> elements) {
        return elements.size() == 1 ? elements.get(0) : "{ " + String.join(", ", elements) + " }";
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }
}
