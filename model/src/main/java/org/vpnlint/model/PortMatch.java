package org.vpnlint.model;

import java.util.List;

/** A port condition: a list of ranges, possibly negated as a whole ({@code '!22,telnet'}); empty means any port. */
public record PortMatch(List<PortRange> ranges, boolean negated) {

    public static final PortMatch ANY = new PortMatch(List.of(), false);

    public PortMatch {
        ranges = List.copyOf(ranges);
    }

    public boolean isAny() {
        return ranges.isEmpty() && !negated;
    }

    public boolean matches(int port) {
        if (isAny()) return true;
        return ranges.stream().anyMatch(r -> r.contains(port)) != negated;
    }
}
