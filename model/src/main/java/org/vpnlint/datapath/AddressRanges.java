package org.vpnlint.datapath;

import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vpnlint.model.AddressMatch;

/**
 * An address condition of a rule as numbers of one family, computed once when the router is compiled: the ranges of
 * that family (ranges of the other family never match) and whether the condition is negated. IPv4 bounds are also
 * kept as {@code long}s, so testing a known IPv4 address against thousands of rules compares machine words.
 */
final class AddressRanges {

    private final List<BigInteger> lows;
    private final List<BigInteger> highs;
    private final long[] lowWords; // null unless every bound fits in a long
    private final long[] highWords;
    private final boolean negated;

    private AddressRanges(List<BigInteger> lows, List<BigInteger> highs, boolean negated) {
        this.lows = List.copyOf(lows);
        this.highs = List.copyOf(highs);
        this.negated = negated;
        boolean words = true;
        for (BigInteger high : highs) words &= high.bitLength() < Long.SIZE;
        this.lowWords = words ? new long[lows.size()] : null;
        this.highWords = words ? new long[highs.size()] : null;
        for (int i = 0; words && i < lows.size(); i++) {
            lowWords[i] = lows.get(i).longValue();
            highWords[i] = highs.get(i).longValue();
        }
    }

    /** The fewest prefix blocks that together are exactly the ranges (not their negation). */
    List<PrefixBlock> blocks(AddressFamily family) {
        List<PrefixBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lows.size(); i++) blocks.addAll(PrefixBlock.covering(family, lows.get(i), highs.get(i)));
        return blocks;
    }

    static AddressRanges of(AddressMatch match, AddressFamily family) {
        List<BigInteger> lows = new ArrayList<>();
        List<BigInteger> highs = new ArrayList<>();
        for (IPAddressSeqRange range : match.ranges()) {
            if (AddressFamily.of(range.getLower()) != family) continue;
            lows.add(range.getLower().getValue());
            highs.add(range.getUpper().getValue());
        }
        if (lows.size() > 1) merge(lows, highs);
        return new AddressRanges(lows, highs, match.negated());
    }

    /**
     * Sorts the ranges and joins those that overlap or touch, in place: an address group of a thousand hosts is
     * often a few runs of neighbouring addresses, and each run then costs two comparisons instead of one
     * equality per member. The set of addresses stays the same.
     */
    private static void merge(List<BigInteger> lows, List<BigInteger> highs) {
        Integer[] order = new Integer[lows.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> lows.get(a).compareTo(lows.get(b)));
        List<BigInteger> mergedLows = new ArrayList<>();
        List<BigInteger> mergedHighs = new ArrayList<>();
        for (int i : order) {
            BigInteger low = lows.get(i);
            BigInteger high = highs.get(i);
            int last = mergedHighs.size() - 1;
            if (last >= 0 && low.compareTo(mergedHighs.get(last).add(BigInteger.ONE)) <= 0) {
                if (high.compareTo(mergedHighs.get(last)) > 0) mergedHighs.set(last, high);
            } else {
                mergedLows.add(low);
                mergedHighs.add(high);
            }
        }
        lows.clear();
        lows.addAll(mergedLows);
        highs.clear();
        highs.addAll(mergedHighs);
    }

    boolean contains(BigInteger address) {
        if (lowWords != null && address.bitLength() < Long.SIZE) return contains(address.longValue());
        boolean inside = false;
        for (int i = 0; i < lows.size() && !inside; i++) {
            inside = lows.get(i).compareTo(address) <= 0 && address.compareTo(highs.get(i)) <= 0;
        }
        return inside != negated;
    }

    private boolean contains(long address) {
        boolean inside = false;
        for (int i = 0; i < lowWords.length && !inside; i++) {
            inside = lowWords[i] <= address && address <= highWords[i];
        }
        return inside != negated;
    }

    /**
     * The same test as a term over an address of {@code width} bits: a disjunction of the merged ranges (two
     * unsigned comparisons each, or one equality for a single address), negated if asked.
     */
    <B, V> B term(HeaderAlgebra<B, V> algebra, int width, V address) {
        B inside = algebra.bool(false);
        for (int i = 0; i < lows.size(); i++) {
            BigInteger low = lows.get(i);
            BigInteger high = highs.get(i);
            B inRange = low.equals(high)
                    ? algebra.eq(address, algebra.bits(low, width))
                    : algebra.between(address, algebra.bits(low, width), algebra.bits(high, width));
            inside = algebra.or(inside, inRange);
        }
        return negated ? algebra.not(inside) : inside;
    }
}
