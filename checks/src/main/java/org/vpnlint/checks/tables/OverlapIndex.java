package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which earlier rules of a chain can share a packet with a rule, without testing every pair: thousands of rules
 * that each name their own /24 meet only the few rules that name the same addresses, and those that name none.
 * For every field, each rule that holds only a few pieces of it is listed under those pieces; the others (any
 * value, or wide ranges) are listed apart. A rule's candidates come from the field where it expects the fewest,
 * and are then tested box against box, so the answer is exactly {@link RuleBox#meets}.
 */
final class OverlapIndex {

    /** A rule holding more pieces of a field than this is listed apart, not under each piece. */
    private static final int MOST_PIECES_LISTED = 64;

    private final List<RuleBox> boxes;
    private final List<FieldIndex> fields = new ArrayList<>();
    private final int[] seen; // the rule last collected a candidate for, per candidate (to collect each once)

    /** The rules of one field: per piece the rules listed under it, and the rules listed apart, in chain order. */
    private record FieldIndex(int[][] byPiece, int[] apart) {}

    OverlapIndex(List<RuleBox> boxes) {
        this.boxes = List.copyOf(boxes);
        this.seen = new int[boxes.size()];
        Arrays.fill(seen, -1);
        for (int field = 0; field < RuleConditions.FIELD_COUNT; field++) {
            int pieces = boxes.isEmpty() ? 0 : boxes.get(0).field(field).pieces();
            List<List<Integer>> byPiece = new ArrayList<>();
            for (int piece = 0; piece < pieces; piece++) byPiece.add(new ArrayList<>());
            List<Integer> apart = new ArrayList<>();
            for (int rule = 0; rule < boxes.size(); rule++) {
                FieldRanges ranges = boxes.get(rule).field(field);
                if (pieceCount(ranges) > MOST_PIECES_LISTED) {
                    apart.add(rule);
                    continue;
                }
                for (int range = 0; range < ranges.rangeCount(); range++) {
                    for (int piece = ranges.low(range); piece <= ranges.high(range); piece++)
                        byPiece.get(piece).add(rule);
                }
            }
            fields.add(
                    new FieldIndex(byPiece.stream().map(OverlapIndex::toArray).toArray(int[][]::new), toArray(apart)));
        }
    }

    private static int[] toArray(List<Integer> rules) {
        int[] array = new int[rules.size()]; // a loop, not a stream: a chain over large groups has 40,000 pieces
        for (int i = 0; i < array.length; i++) array[i] = rules.get(i);
        return array;
    }

    /** The rules before {@code rule} whose boxes meet its box, in chain order. */
    int[] earlierMeeting(int rule) {
        RuleBox box = boxes.get(rule);
        int[] meeting = new int[rule];
        int count = 0;
        int field = narrowestField(box);
        if (field < 0) {
            for (int earlier = 0; earlier < rule; earlier++) {
                if (boxes.get(earlier).meets(box)) meeting[count++] = earlier;
            }
            return Arrays.copyOf(meeting, count);
        }
        FieldIndex index = fields.get(field);
        count = collect(index.apart(), rule, box, meeting, count);
        FieldRanges ranges = box.field(field);
        for (int range = 0; range < ranges.rangeCount(); range++) {
            for (int piece = ranges.low(range); piece <= ranges.high(range); piece++) {
                count = collect(index.byPiece()[piece], rule, box, meeting, count);
            }
        }
        int[] found = Arrays.copyOf(meeting, count);
        Arrays.sort(found);
        return found;
    }

    /** Adds the listed rules before {@code rule} that meet its box and were not collected yet; returns the new count. */
    private int collect(int[] listed, int rule, RuleBox box, int[] meeting, int count) {
        for (int candidate : listed) {
            if (candidate >= rule) break; // listed in chain order
            if (seen[candidate] == rule) continue;
            seen[candidate] = rule;
            if (boxes.get(candidate).meets(box)) meeting[count++] = candidate;
        }
        return count;
    }

    /** The field, among those where the rule holds few pieces, with the fewest candidates; -1 when there is none. */
    private int narrowestField(RuleBox box) {
        int best = -1;
        long fewest = Long.MAX_VALUE;
        for (int field = 0; field < RuleConditions.FIELD_COUNT; field++) {
            FieldRanges ranges = box.field(field);
            if (pieceCount(ranges) > MOST_PIECES_LISTED) continue;
            FieldIndex index = fields.get(field);
            long candidates = index.apart().length;
            for (int range = 0; range < ranges.rangeCount(); range++) {
                for (int piece = ranges.low(range); piece <= ranges.high(range); piece++)
                    candidates += index.byPiece()[piece].length;
            }
            if (candidates < fewest) {
                fewest = candidates;
                best = field;
            }
        }
        return best;
    }

    private static long pieceCount(FieldRanges ranges) {
        long count = 0;
        for (int range = 0; range < ranges.rangeCount(); range++) count += ranges.high(range) - ranges.low(range) + 1L;
        return count;
    }
}
