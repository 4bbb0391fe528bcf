package org.vpnlint.oracle;

/** Kernel route types a scenario uses. */
public enum RouteType {
    /** A normal route via a gateway or out of a device. */
    UNICAST(""),
    /** Silently discards; a local sender gets EINVAL. */
    BLACKHOLE("blackhole "),
    /** Rejects; a local sender gets EHOSTUNREACH. */
    UNREACHABLE("unreachable ");

    private final String prefix;

    RouteType(String prefix) {
        this.prefix = prefix;
    }

    String commandPrefix() {
        return prefix;
    }
}
