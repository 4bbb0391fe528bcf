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

    int highest() {
        return bounds[bounds.length - 1];
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
        Bounds common = new Bounds(Math.min(bounds.length, other.bounds.length) + 2);
        int[] mine = bounds;
        int[] theirs = other.bounds;
        int i = 0;
        int j = 0;
        while (i < mine.length && j < theirs.length) {
            // a side whose range ends before the other's begins jumps ahead: an address group of thousands of
            // ranges met by one host costs a search, not a walk
            if (mine[i + 1] < theirs[j]) {
                i = seek(mine, i, theirs[j]);
                continue;
            }
            if (theirs[j + 1] < mine[i]) {
                j = seek(theirs, j, mine[i]);
                continue;
            }
            common.add(Math.max(mine[i], theirs[j]), Math.min(mine[i + 1], theirs[j + 1]));
            if (mine[i + 1] < theirs[j + 1]) i += 2;
            else j += 2;
        }
        return new FieldRanges(pieces, common.toArray());
    }

    /** The pieces of this that are not in the other: {@code intersect(other.complement())} without building it. */
    FieldRanges minus(FieldRanges other) {
        if (other.isEmpty()) return this;
        if (other.isAll()) return new FieldRanges(pieces, new int[0]);
        if (other.bounds.length == 2) return minus(other.bounds[0], other.bounds[1]);
        int[] theirs = other.bounds;
        Bounds left = new Bounds(bounds.length + 2);
        int j = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            int from = bounds[i];
            int to = bounds[i + 1];
            j = seek(theirs, j, from);
            while (j < theirs.length && theirs[j] <= to) {
                if (theirs[j] > from) left.add(from, theirs[j] - 1);
                from = Math.max(from, theirs[j + 1] + 1);
                if (theirs[j + 1] > to) break; // it may reach into the next range too
                j += 2;
            }
            if (from <= to) left.add(from, to);
        }
        return new FieldRanges(pieces, left.toArray());
    }

    /**
     * The pieces of this outside {@code low} to {@code high}: the ranges before and after are copied as they are,
     * since the exact search takes one host or port at a time out of groups of thousands.
     */
    private FieldRanges minus(int low, int high) {
        int first = seek(bounds, 0, low); // the first range that ends at or after low
        int after = seek(bounds, first, high + 1); // the first range that ends after high
        // ranges before first are kept whole; a range at first that begins before low keeps its part below low; a
        // range at after that begins at or below high keeps its part above high; ranges beyond after are kept whole
        boolean keepsBelow = first < bounds.length && bounds[first] < low;
        boolean keepsAbove = after < bounds.length && bounds[after] <= high;
        int[] left = new int[first + (keepsBelow ? 2 : 0) + (bounds.length - after)];
        System.arraycopy(bounds, 0, left, 0, first);
        int size = first;
        if (keepsBelow) {
            left[size++] = bounds[first];
            left[size++] = low - 1;
        }
        if (keepsAbove) {
            left[size++] = high + 1;
            left[size++] = bounds[after + 1];
            System.arraycopy(bounds, after + 2, left, size, bounds.length - after - 2);
            size += bounds.length - after - 2;
        } else if (after < bounds.length) {
            System.arraycopy(bounds, after, left, size, bounds.length - after);
            size += bounds.length - after;
        }
        return new FieldRanges(pieces, left);
    }

    /** Whether some piece is in both. */
    boolean meets(FieldRanges other) {
        int i = 0;
        int j = 0;
        while (i < bounds.length && j < other.bounds.length) {
            if (bounds[i + 1] < other.bounds[j]) i = seek(bounds, i, other.bounds[j]);
            else if (other.bounds[j + 1] < bounds[i]) j = seek(other.bounds, j, bounds[i]);
            else return true;
        }
        return false;
    }

    /** Whether every piece of this is in the other. */
    boolean within(FieldRanges other) {
        int j = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            j = seek(other.bounds, j, bounds[i]);
            if (j == other.bounds.length || other.bounds[j] > bounds[i] || other.bounds[j + 1] < bounds[i + 1])
                return false;
        }
        return true;
    }

    /**
     * The first range, at or after the one at {@code from} (an index into bounds), that ends at or after
     * {@code piece}; bounds' length when none does. Gallops, then halves: a few steps however far it goes.
     */
    private static int seek(int[] bounds, int from, int piece) {
        if (from >= bounds.length || bounds[from + 1] >= piece) return from;
        int ranges = bounds.length / 2;
        int low = from / 2; // ends before piece
        int step = 1;
        int high = low + step;
        while (high < ranges && bounds[2 * high + 1] < piece) {
            low = high;
            step *= 2;
            high = low + step;
        }
        high = Math.min(high, ranges); // ends at or after piece, or past the last range
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (bounds[2 * middle + 1] < piece) low = middle;
            else high = middle;
        }
        return 2 * high;
    }

    /** Ranges collected in order, growing as needed. */
    private static final class Bounds {
        private int[] values;
        private int size;

        Bounds(int capacity) {
            values = new int[Math.max(2, capacity)];
        }

        void add(int low, int high) {
            if (size + 2 > values.length) values = Arrays.copyOf(values, 2 * values.length);
            values[size++] = low;
            values[size++] = high;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
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
