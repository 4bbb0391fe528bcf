package org.vpnlint.checks.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Numbered things (rules, tunnels) found by the address ranges they name: which of them may overlap a range. Built
 * once per router, asked once per tunnel question, so that a router with thousands of rules is not scanned whole for
 * each of a thousand tunnels.
 *
 * <p>Ranges are grouped by size class (a class's ranges differ in size by at most 2×) and sorted by their low end
 * within it. A range of class c that overlaps [q.low, q.high] starts at or after q.low − 2^c and at or before q.high:
 * one binary search per class finds them, and each candidate is checked exactly. Ranges of the other IP version
 * always count as overlapping, as the callers want when unsure.
 */
final class IntervalIndex {

    private record Entry(AddressInterval interval, int position) {}

    /** Per IP version (ipv4 true/false), per size class: the entries sorted by low end. */
    private final TreeMap<Integer, List<Entry>> ipv4Classes = new TreeMap<>();

    private final TreeMap<Integer, List<Entry>> ipv6Classes = new TreeMap<>();
    private final BitSet ipv4Positions = new BitSet();
    private final BitSet ipv6Positions = new BitSet();
    /** Sorted on the first question, once; questions may come from several threads (TunnelQuestions). */
    private volatile boolean sorted;

    void add(AddressInterval interval, int position) {
        (interval.ipv4() ? ipv4Classes : ipv6Classes)
                .computeIfAbsent(interval.sizeClass(), c -> new ArrayList<>())
                .add(new Entry(interval, position));
        (interval.ipv4() ? ipv4Positions : ipv6Positions).set(position);
        sorted = false;
    }

    /** Sets in {@code into} the position of every entry whose range may overlap {@code query}. */
    void overlapping(AddressInterval query, BitSet into) {
        if (!sorted) sort();
        into.or(query.ipv4() ? ipv6Positions : ipv4Positions); // another version: unsure, so it may
        for (var sizeClass : (query.ipv4() ? ipv4Classes : ipv6Classes).entrySet()) {
            List<Entry> entries = sizeClass.getValue();
            BigInteger earliest = query.low().subtract(BigInteger.ONE.shiftLeft(sizeClass.getKey()));
            for (int i = firstAtOrAfter(entries, earliest); i < entries.size(); i++) {
                Entry entry = entries.get(i);
                if (entry.interval().low().compareTo(query.high()) > 0) break;
                if (entry.interval().overlaps(query)) into.set(entry.position());
            }
        }
    }

    private synchronized void sort() {
        if (sorted) return;
        Comparator<Entry> byLow = Comparator.comparing(entry -> entry.interval().low());
        ipv4Classes.values().forEach(entries -> entries.sort(byLow));
        ipv6Classes.values().forEach(entries -> entries.sort(byLow));
        sorted = true;
    }

    private static int firstAtOrAfter(List<Entry> entries, BigInteger low) {
        int from = 0;
        int to = entries.size();
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (entries.get(middle).interval().low().compareTo(low) < 0) from = middle + 1;
            else to = middle;
        }
        return from;
    }
}
