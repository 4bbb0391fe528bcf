package org.vpnlint.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * An IP protocol condition by number (tcp 6, udp 17, icmp 1, gre 47, esp 50, ipv6-icmp 58).
 * {@code tcp_udp} is {6, 17}; {@code all} or no condition is {@link #ANY}.
 */
public record ProtocolMatch(Set<Integer> protocols, boolean negated) {

    public static final int ICMP = 1, IPIP = 4, TCP = 6, UDP = 17, IPV6 = 41, GRE = 47, ESP = 50, ICMPV6 = 58;
    public static final ProtocolMatch ANY = new ProtocolMatch(Set.of(), false);

    public ProtocolMatch {
        // sorted, so that terms built from it (and with them Z3's witnesses) are the same in every run;
        // Set.copyOf's iteration order changes from one JVM to the next
        protocols = Collections.unmodifiableSet(new TreeSet<>(protocols));
    }

    public static ProtocolMatch of(int... numbers) {
        Set<Integer> set = new TreeSet<>();
        for (int n : numbers) set.add(n);
        return new ProtocolMatch(set, false);
    }

    public boolean isAny() {
        return protocols.isEmpty() && !negated;
    }

    public boolean matches(int protocol) {
        if (isAny()) return true;
        return protocols.contains(protocol) != negated;
    }

    /** The usual name of a protocol number, for messages and traces. */
    public static String name(int protocol) {
        return switch (protocol) {
            case ICMP -> "icmp";
            case IPIP -> "ipip";
            case TCP -> "tcp";
            case UDP -> "udp";
            case IPV6 -> "ipv6";
            case GRE -> "gre";
            case ESP -> "esp";
            case ICMPV6 -> "ipv6-icmp";
            default -> Integer.toString(protocol);
        };
    }
}
