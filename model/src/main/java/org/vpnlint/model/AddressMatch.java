package org.vpnlint.model;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.util.List;

/**
 * An address condition of a NAT or firewall rule: a set of address ranges (prefixes, ranges and resolved
 * groups all become ranges), possibly negated with {@code !}. No ranges and no negation means "any address".
 * {@code text} is how the configuration wrote it, for messages.
 */
public record AddressMatch(List<IPAddressSeqRange> ranges, boolean negated, String text) {

    public static final AddressMatch ANY = new AddressMatch(List.of(), false, "any");

    public AddressMatch {
        ranges = List.copyOf(ranges);
    }

    public boolean isAny() {
        return ranges.isEmpty() && !negated;
    }

    public boolean matches(IPAddress address) {
        if (isAny()) return true;
        IPAddress host = address.withoutPrefixLength();
        boolean inside =
                ranges.stream().anyMatch(r -> r.getLower().getIPVersion() == host.getIPVersion() && r.contains(host));
        return inside != negated;
    }
}
