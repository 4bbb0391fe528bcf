package org.vpnlint.datapath;

import java.util.Locale;

/** How a packet's way through the router ends. The code is its value in the pipeline's verdict term. */
public enum Verdict {
    /** Encrypted by an IPsec SA; the outer ESP (or UDP 4500) packet leaves towards the peer. */
    ENCRYPTED,
    /** Leaves an interface unencrypted. */
    CLEARTEXT,
    /** Discarded by the router (see {@link DropReason}). */
    DROPPED,
    /** Delivered to the router itself. */
    LOCAL,
    /** No route: ENETUNREACH for the router's own packets, ICMP network unreachable for forwarded ones. */
    UNREACHABLE;

    public static final int WIDTH = 8;

    public int code() {
        return ordinal();
    }

    public static Verdict ofCode(int code) {
        return values()[code];
    }

    /** The lower-case name used in JSON ({@code encrypted}, {@code cleartext}, ...). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
