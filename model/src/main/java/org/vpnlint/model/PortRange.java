package org.vpnlint.model;

/** An inclusive range of TCP/UDP ports; a single port has {@code low == high}. */
public record PortRange(int low, int high) {

    public PortRange {
        if (low < 0 || high > 65535 || low > high)
            throw new IllegalArgumentException("bad port range " + low + "-" + high);
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    @Override
    public String toString() {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
