package org.vpnlint.oracle;

import java.util.Arrays;

/** The IP protocols a probe can carry, with their numbers and the names nft and iproute2 print. */
public enum IpProtocol {
    ICMP(1, "icmp"),
    TCP(6, "tcp"),
    UDP(17, "udp"),
    GRE(47, "gre");

    private final int number;
    private final String keyword;

    IpProtocol(int number, String keyword) {
        this.number = number;
        this.keyword = keyword;
    }

    public int number() {
        return number;
    }

    /** The lower-case name used by nft, iproute2 and the probe sender. */
    public String keyword() {
        return keyword;
    }

    /** True for protocols whose header starts with source and destination ports. */
    public boolean hasPorts() {
        return this == TCP || this == UDP;
    }

    /** Accepts a keyword ("udp") or a protocol number ("17"), as the tools print either. */
    public static IpProtocol parse(String text) {
        return Arrays.stream(values())
                .filter(p -> p.keyword.equals(text) || String.valueOf(p.number).equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported IP protocol: " + text));
    }
}
