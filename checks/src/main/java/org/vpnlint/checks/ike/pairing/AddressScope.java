package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.List;

/**
 * Whether an address can be seen on the Internet. RFC 1918 private space, carrier-grade NAT space (100.64.0.0/10,
 * RFC 6598) and IPv6 unique-local addresses only exist behind a NAT (or inside one site), so an IKE endpoint there
 * that talks to a public address is behind NAT.
 */
public final class AddressScope {

    private static final List<IPAddress> NON_PUBLIC = List.of(
            prefix("10.0.0.0/8"),
            prefix("172.16.0.0/12"),
            prefix("192.168.0.0/16"),
            prefix("100.64.0.0/10"),
            prefix("fc00::/7"));

    private AddressScope() {}

    /** True for RFC 1918, CGNAT and IPv6 unique-local addresses. */
    public static boolean isPrivate(IPAddress address) {
        IPAddress host = address.withoutPrefixLength();
        return NON_PUBLIC.stream().anyMatch(p -> p.getIPVersion() == host.getIPVersion() && p.contains(host));
    }

    /** The private and CGNAT ranges, for the solver's constraint that a NAT's public address lies outside them. */
    public static List<IPAddress> nonPublicRanges() {
        return NON_PUBLIC;
    }

    private static IPAddress prefix(String text) {
        return new IPAddressString(text).getAddress().toPrefixBlock();
    }
}
