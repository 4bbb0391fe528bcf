package org.vpnlint.parser.dialect;

import java.util.HashMap;
import java.util.Map;

/**
 * ICMP and ICMPv6 type names as VyOS passes them to the kernel's filter: before 1.4 to iptables/ip6tables
 * ({@code --icmp-type}, names that may stand for a type and one code, e.g. {@code port-unreachable} = 3/3), from 1.4
 * to nftables ({@code icmp type}, {@code icmpv6 type}, type names only). Both sets are kept in one table per family:
 * a name means the same wherever it is accepted. Sources: docs/semantics/approximation.md.
 */
final class IcmpNames {

    /** A type and, for names that fix it, a code (null: every code). */
    record TypeCode(int type, Integer code) {}

    private static final Map<String, TypeCode> ICMP = new HashMap<>();
    private static final Map<String, TypeCode> ICMPV6 = new HashMap<>();

    static {
        icmp(0, null, "echo-reply", "pong");
        icmp(3, null, "destination-unreachable");
        icmp(3, 0, "network-unreachable");
        icmp(3, 1, "host-unreachable");
        icmp(3, 2, "protocol-unreachable");
        icmp(3, 3, "port-unreachable");
        icmp(3, 4, "fragmentation-needed");
        icmp(3, 5, "source-route-failed");
        icmp(3, 6, "network-unknown");
        icmp(3, 7, "host-unknown");
        icmp(3, 9, "network-prohibited");
        icmp(3, 10, "host-prohibited");
        icmp(3, 11, "tos-network-unreachable");
        icmp(3, 12, "tos-host-unreachable");
        icmp(3, 13, "communication-prohibited");
        icmp(3, 14, "host-precedence-violation");
        icmp(3, 15, "precedence-cutoff");
        icmp(4, null, "source-quench");
        icmp(5, null, "redirect");
        icmp(5, 0, "network-redirect");
        icmp(5, 1, "host-redirect");
        icmp(5, 2, "tos-network-redirect");
        icmp(5, 3, "tos-host-redirect");
        icmp(8, null, "echo-request", "ping");
        icmp(9, null, "router-advertisement");
        icmp(10, null, "router-solicitation");
        icmp(11, null, "time-exceeded", "ttl-exceeded");
        icmp(11, 0, "ttl-zero-during-transit");
        icmp(11, 1, "ttl-zero-during-reassembly");
        icmp(12, null, "parameter-problem");
        icmp(12, 0, "ip-header-bad");
        icmp(12, 1, "required-option-missing");
        icmp(13, null, "timestamp-request");
        icmp(14, null, "timestamp-reply");
        icmp(15, null, "info-request");
        icmp(16, null, "info-reply");
        icmp(17, null, "address-mask-request");
        icmp(18, null, "address-mask-reply");

        icmpv6(1, null, "destination-unreachable");
        icmpv6(1, 0, "no-route");
        icmpv6(1, 1, "communication-prohibited");
        icmpv6(1, 2, "beyond-scope");
        icmpv6(1, 3, "address-unreachable");
        icmpv6(1, 4, "port-unreachable");
        icmpv6(1, 5, "failed-policy");
        icmpv6(1, 6, "reject-route");
        icmpv6(2, null, "packet-too-big");
        icmpv6(3, null, "time-exceeded", "ttl-exceeded");
        icmpv6(3, 0, "ttl-zero-during-transit");
        icmpv6(3, 1, "ttl-zero-during-reassembly");
        icmpv6(4, null, "parameter-problem");
        icmpv6(4, 0, "bad-header");
        icmpv6(4, 1, "unknown-header-type");
        icmpv6(4, 2, "unknown-option");
        icmpv6(128, null, "echo-request", "ping");
        icmpv6(129, null, "echo-reply", "pong");
        icmpv6(130, null, "mld-listener-query");
        icmpv6(131, null, "mld-listener-report");
        icmpv6(132, null, "mld-listener-reduction", "mld-listener-done");
        icmpv6(133, null, "nd-router-solicit", "router-solicitation");
        icmpv6(134, null, "nd-router-advert", "router-advertisement");
        icmpv6(135, null, "nd-neighbor-solicit", "neighbour-solicitation", "neighbor-solicitation");
        icmpv6(136, null, "nd-neighbor-advert", "neighbour-advertisement", "neighbor-advertisement");
        icmpv6(137, null, "nd-redirect", "redirect");
        icmpv6(138, null, "router-renumbering");
        icmpv6(141, null, "ind-neighbor-solicit");
        icmpv6(142, null, "ind-neighbor-advert");
        icmpv6(143, null, "mld2-listener-report");
    }

    private IcmpNames() {}

    private static void icmp(int type, Integer code, String... names) {
        for (String name : names) ICMP.put(name, new TypeCode(type, code));
    }

    private static void icmpv6(int type, Integer code, String... names) {
        for (String name : names) ICMPV6.put(name, new TypeCode(type, code));
    }

    /** The type (and code) a name stands for, or null when it names none. Names are matched ignoring case. */
    static TypeCode resolve(String name, boolean ipv6) {
        return (ipv6 ? ICMPV6 : ICMP).get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
