package org.vpnlint.checks.ike;

/** IP protocol numbers as strongSwan writes them in traffic selectors. */
final class Protocols {

    private Protocols() {}

    static String name(int protocol) {
        return switch (protocol) {
            case 1 -> "icmp";
            case 6 -> "tcp";
            case 17 -> "udp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 58 -> "ipv6-icmp";
            default -> Integer.toString(protocol);
        };
    }
}
