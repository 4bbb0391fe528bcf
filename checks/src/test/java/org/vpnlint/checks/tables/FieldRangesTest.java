package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The set operations against the same sets as bit sets, on random ranges from one to hundreds per side. */
class FieldRangesTest {

    private static final int PIECES = 2_000;

    @Test
    void setOperationsAgreeWithBitSets() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            FieldRanges a = randomRanges(random);
            FieldRanges b = randomRanges(random);
            BitSet aBits = bits(a);
            BitSet bBits = bits(b);

            BitSet common = (BitSet) aBits.clone();
            common.and(bBits);
            BitSet left = (BitSet) aBits.clone();
            left.andNot(bBits);
            assertEquals(common, bits(a.intersect(b)), "intersect, round " + round);
            FieldRanges difference = a.minus(b);
            assertEquals(left, bits(difference), "minus, round " + round);
            if (!left.isEmpty()) {
                assertEquals(left.nextSetBit(0), difference.lowest(), "lowest, round " + round);
                assertEquals(left.length() - 1, difference.highest(), "highest, round " + round);
            }
            assertEquals(!common.isEmpty(), a.meets(b), "meets, round " + round);
            assertEquals(left.isEmpty(), a.within(b), "within, round " + round);
        }
    }

    /** Few or many ranges, narrow or wide, sometimes everything or nothing. */
    private static FieldRanges randomRanges(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) return FieldRanges.all(PIECES);
        int count = kind == 1 ? 0 : kind < 5 ? 1 + random.nextInt(3) : random.nextInt(400);
        int widest = random.nextBoolean() ? 3 : 200;
        List<FieldRanges.Span> spans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int low = random.nextInt(PIECES);
            spans.add(new FieldRanges.Span(low, Math.min(PIECES - 1, low + random.nextInt(widest))));
        }
        return FieldRanges.of(PIECES, spans);
    }

    private static BitSet bits(FieldRanges ranges) {
        BitSet bits = new BitSet(PIECES);
        for (int range = 0; range < ranges.rangeCount(); range++) bits.set(ranges.low(range), ranges.high(range) + 1);
        return bits;
    }
}
