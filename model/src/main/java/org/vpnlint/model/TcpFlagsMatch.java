package org.vpnlint.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A TCP flags condition: the flags in {@code set} must be set and those in {@code cleared} must be clear; the
 * others are not looked at ({@code tcp flags SYN,!ACK} before 1.4, {@code tcp flags syn} / {@code tcp flags not
 * ack} from 1.4). Flags are named in lower case: syn, ack, fin, rst, urg, psh, ecn, cwr.
 */
public record TcpFlagsMatch(Set<String> set, Set<String> cleared, String text) {

    public TcpFlagsMatch {
        // sorted, so that text built from it is the same in every run
        set = Collections.unmodifiableSet(new TreeSet<>(set));
        cleared = Collections.unmodifiableSet(new TreeSet<>(cleared));
    }

    /** Whether every packet this condition matches is matched by {@code other} too. */
    public boolean within(TcpFlagsMatch other) {
        return set.containsAll(other.set) && cleared.containsAll(other.cleared);
    }

    /** Whether no packet can match (a flag both set and clear). */
    public boolean contradictory() {
        return set.stream().anyMatch(cleared::contains);
    }
}
