package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The pieces ({@link FieldScale}) of one packet field that a box holds, as sorted, disjoint, non-adjacent inclusive
 * ranges of piece numbers. Immutable.
 */
final class FieldRanges {

    /** Pieces {@code low} to {@code high}, both included. */
    record Span(int low, int high) {}

    private final int pieces; // how many pieces the field has
    private final int[] bounds; // low and high of each range, in order

    private FieldRanges(int pieces, int[] bounds) {
        this.pieces = pieces;
        this.bounds = bounds;
    }

    static FieldRanges all(int pieces) {
        return new FieldRanges(pieces, new int[] {0, pieces - 1});
    }

    static FieldRanges single(int pieces, int piece) {
        return new FieldRanges(pieces, new int[] {piece, piece});
    }

    /** The union of any ranges, in any order, overlapping or not. */
    static FieldRanges of(int pieces, List<Span> ranges) {
        List<Span> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingInt(Span::low));
        int[] bounds = new int[2 * sorted.size()];
        int size = 0;
        for (Span span : sorted) {
            if (size > 0 && span.low() <= bounds[size - 1] + 1) {
                bounds[size - 1] = Math.max(bounds[size - 1], span.high());
            } else {
                bounds[size++] = span.low();
                bounds[size++] = span.high();
            }
        }
        return new FieldRanges(pieces, Arrays.copyOf(bounds, size));
    }

    int pieces() {
        return pieces;
    }

    int rangeCount() {
        return bounds.length / 2;
    }

    int low(int range) {
        return bounds[2 * range];
    }

    int high(int range) {
        return bounds[2 * range + 1];
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    boolean isAll() {
        return bounds.length == 2 && bounds[0] == 0 && bounds[1] == pieces - 1;
    }

    boolean isSingle() {
        return bounds.length == 2 && bounds[0] == bounds[1];
    }

    int lowest() {
        return bounds[0];
    }

    FieldRanges complement() {
        int[] gaps = new int[bounds.length + 2];
        int size = 0;
        int next = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            if (bounds[i] > next) {
                gaps[size++] = next;
                gaps[size++] = bounds[i] - 1;
            }
            next = bounds[i + 1] + 1;
        }
        if (next <= pieces - 1) {
            gaps[size++] = next;
            gaps[size++] = pieces - 1;
        }
        return new FieldRanges(pieces, Arrays.copyOf(gaps, size));
    }

    FieldRanges intersect(FieldRanges other) {
        if (other.isAll()) return this;
        if (isAll()) return other;
        int[] common = new int[bounds.length + other.bounds.length];
        int size = 0;
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            int low = Math.max(bounds[i], other.bounds[j]);
            int high = Math.min(bounds[i + 1], other.bounds[j + 1]);
            if (low <= high) {
                common[size++] = low;
                common[size++] = high;
            }
            if (bounds[i + 1] < other.bounds[j + 1]) i += 2;
            else j += 2;
        }
        return new FieldRanges(pieces, Arrays.copyOf(common, size));
    }

    /** Whether some piece is in both. */
    boolean meets(FieldRanges other) {
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            if (bounds[i + 1] < other.bounds[j]) i += 2;
            else if (other.bounds[j + 1] < bounds[i]) j += 2;
            else return true;
        }
        return false;
    }

    /** Whether every piece of this is in the other. */
    boolean within(FieldRanges other) {
        int j = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            while (j < other.bounds.length && other.bounds[j + 1] < bounds[i]) j += 2;
            if (j == other.bounds.length || other.bounds[j] > bounds[i] || other.bounds[j + 1] < bounds[i + 1])
                return false;
        }
        return true;
    }

    boolean contains(int piece) {
        int low = 0;
        int high = bounds.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (piece < bounds[2 * middle]) high = middle - 1;
            else if (piece > bounds[2 * middle + 1]) low = middle + 1;
            else return true;
        }
        return false;
    }
}
