package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

/** IPv4 addresses as iproute2 and the oracle records write them. */
final class Ipv4Text {

    private Ipv4Text() {}

    /** "192.0.2.1"; for a prefix block its network address. */
    static String host(IPAddress address) {
        return address.getLower().withoutPrefixLength().toCanonicalString();
    }

    /** "192.0.2.1/24"; an address without a length is a /32. */
    static String withLength(IPAddress address) {
        Integer length = address.getNetworkPrefixLength();
        return host(address) + "/" + (length == null ? 32 : length);
    }

    /** "10.10.10.0/24": the prefix block. */
    static String prefix(IPAddress prefix) {
        Integer length = prefix.getNetworkPrefixLength();
        return host(prefix.toPrefixBlock()) + "/" + (length == null ? 32 : length);
    }

    static int length(IPAddress prefix) {
        Integer length = prefix.getNetworkPrefixLength();
        return length == null ? 32 : length;
    }

    /** A literal IPv4 address, or null for "any", "%any", "@id", host names and IPv6. */
    static IPAddress literal(String text) {
        if (text == null) return null;
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null || !address.isIPv4() || address.isZero()) return null;
        return address.withoutPrefixLength();
    }
}
