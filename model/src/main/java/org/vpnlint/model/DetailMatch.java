package org.vpnlint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions on header fields the data path does not carry: the ICMP/ICMPv6 type and code and the TCP flags. The
 * parser reads them exactly; the data path, which has no such fields, treats a rule with them as read wider
 * (it matches every type, every flag combination), and the unreachable-rule checks compare them exactly
 * ({@link #within}). Null means no condition.
 */
public record DetailMatch(IcmpMatch icmp, TcpFlagsMatch tcpFlags) {

    public static final DetailMatch ANY = new DetailMatch(null, null);

    public boolean isAny() {
        return icmp == null && tcpFlags == null;
    }

    /** Whether every packet these conditions match is matched by {@code other} too. */
    public boolean within(DetailMatch other) {
        if (other.icmp != null && (icmp == null || !icmp.within(other.icmp))) return false;
        return other.tcpFlags == null || (tcpFlags != null && tcpFlags.within(other.tcpFlags));
    }

    /** Whether no packet meets both: different ICMP types or codes, or a flag one needs set and the other clear. */
    public boolean disjoint(DetailMatch other) {
        if (icmp != null && other.icmp != null) {
            if (icmp.type() != other.icmp.type()) return true;
            if (icmp.code() != null && other.icmp.code() != null && !icmp.code().equals(other.icmp.code())) return true;
        }
        if (tcpFlags != null && other.tcpFlags != null) {
            return tcpFlags.set().stream().anyMatch(other.tcpFlags.cleared()::contains)
                    || tcpFlags.cleared().stream().anyMatch(other.tcpFlags.set()::contains);
        }
        return false;
    }

    /** E.g. "icmpv6 type-name echo-request", "tcp flags syn,!ack"; empty when there is no condition. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (icmp != null) parts.add(icmp.text());
        if (tcpFlags != null) parts.add(tcpFlags.text());
        return String.join(", ", parts);
    }
}
