package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One packet field of one chain cut into pieces wherever some condition's answer can change, so that all values
 * of a piece are alike to every rule of the chain. Boxes then work on piece numbers (small ints) instead of
 * 128-bit values, and any value of a piece (its first) stands for all of them.
 */
final class FieldScale {

    private final BigInteger[] starts; // the first value of each piece, ascending, from 0
    private final BigInteger end; // one past the field's largest value
    private final long[] startWords; // the starts as longs when the field fits in one (IPv4, ports, ...), else null
    // the rules naming one group share its span list: its pieces are looked up once
    private final Map<List<FieldCondition.Span>, FieldRanges> piecesOfSpans = new IdentityHashMap<>();

    private FieldScale(BigInteger[] starts, BigInteger end) {
        this.starts = starts;
        this.end = end;
        this.startWords = end.bitLength() < Long.SIZE
                ? Arrays.stream(starts).mapToLong(BigInteger::longValue).toArray()
                : null;
    }

    /** Pieces of a {@code width}-bit field cut at {@code cuts} (cuts beyond the field are ignored). */
    static FieldScale of(int width, Collection<BigInteger> cuts) {
        BigInteger end = BigInteger.ONE.shiftLeft(width);
        TreeSet<BigInteger> starts = new TreeSet<>(cuts);
        starts.add(BigInteger.ZERO);
        return new FieldScale(starts.headSet(end).toArray(BigInteger[]::new), end);
    }

    int pieces() {
        return starts.length;
    }

    /** The piece that holds the value. */
    int piece(BigInteger value) {
        // a chain over large groups looks up tens of thousands of values: machine words where they fit
        int found = startWords != null && value.bitLength() < Long.SIZE
                ? Arrays.binarySearch(startWords, value.longValue())
                : Arrays.binarySearch(starts, value);
        return found >= 0 ? found : -found - 2;
    }

    /** The first value of the piece. */
    BigInteger firstValue(int piece) {
        return starts[piece];
    }

    /** The last value of the piece. */
    BigInteger lastValue(int piece) {
        return (piece + 1 < starts.length ? starts[piece + 1] : end).subtract(BigInteger.ONE);
    }

    /** The pieces whose values meet the condition; exact when the scale was cut at the condition's cuts. */
    FieldRanges ranges(FieldCondition condition) {
        FieldRanges inside = piecesOfSpans.computeIfAbsent(condition.spans(), this::pieces);
        return condition.negated() ? inside.complement() : inside;
    }

    private FieldRanges pieces(List<FieldCondition.Span> spans) {
        List<FieldRanges.Span> pieces = new ArrayList<>();
        for (FieldCondition.Span span : spans) {
            pieces.add(new FieldRanges.Span(piece(span.low()), piece(span.high())));
        }
        return FieldRanges.of(starts.length, pieces);
    }
}
