package org.vpnlint.checks.tables;

import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Looks for a packet that a rule matches and no earlier rule does, by interval arithmetic on {@link RuleBox}es,
 * without the solver. Most rules of a real chain are reachable, and usually one field shows it: a destination
 * outside every earlier rule's destinations, a port no earlier rule names. So field by field it fixes the piece,
 * inside the rule's own ranges, that the fewest earlier rules still in play accept, and drops the rules that do
 * not accept it, until none is left. It gives up when every rule in play accepts every piece still open in every
 * field. Then an exact search by splitting boxes ({@link #outsideAll}) either finds a packet or names the few
 * earlier rules that hold the rest. Neither search proves anything: a packet found is replayed before it counts,
 * and a rule no packet was found for goes to the solver, first with the rules the search named.
 */
final class ReachingPacket {

    private ReachingPacket() {}

    /**
     * What the search found: the pieces of a packet that reaches the rule, or else (packet null) the earlier rules
     * in play when it gave up, as positions in the list of earlier rules, ascending. {@code covered} says that the
     * exact search finished on every possible part of the rule's box without finding a packet: then the boxes of
     * {@code cover} together hold every possible packet of the rule's box (a proof, on the boxes).
     */
    record Outcome(int[] packet, List<Integer> cover, boolean covered) {}

    /** A piece of one field, and how many of the earlier rules still in play accept it. */
    private record Choice(int field, int piece, int accepting) {}

    /**
     * @param possible the possible packets at the chain's hook
     * @param earlier  the earlier terminal rules
     * @return a possible packet in {@code rule} and in none of {@code earlier}, else the rules that held the rest
     */
    static Outcome find(RuleBox rule, List<RuleBox> possible, List<RuleBox> earlier) {
        SortedSet<Integer> cover = new TreeSet<>();
        boolean covered = true;
        int[] inPlay = new int[earlier.size()]; // positions in earlier, the first count of them
        for (RuleBox where : possible) {
            RuleBox space = where.intersect(rule);
            if (space.isEmpty()) continue;
            int count = 0;
            for (int i = 0; i < earlier.size(); i++) {
                if (earlier.get(i).meets(space))
                    inPlay[count++] = i; // a rule's box narrows fewer fields: quicker this way round
            }
            while (count > 0) {
                Choice best = leastAccepted(space, earlier, inPlay, count);
                if (best == null || best.accepting() == count) break; // no piece leaves out another rule
                space = space.with(best.field(), best.piece());
                int kept = 0;
                for (int i = 0; i < count; i++) {
                    if (earlier.get(inPlay[i]).field(best.field()).contains(best.piece())) inPlay[kept++] = inPlay[i];
                }
                count = kept;
            }
            if (count == 0) return new Outcome(space.lowest(), List.of(), false);
            Exact exact = outsideAll(where.intersect(rule), earlier, inPlay, count);
            if (exact.packet() != null) return new Outcome(exact.packet(), List.of(), false);
            if (exact.complete()) {
                cover.addAll(exact.used());
            } else {
                covered = false;
                for (int i = 0; i < count; i++) cover.add(inPlay[i]);
            }
        }
        return new Outcome(null, List.copyOf(cover), covered);
    }

    /** How many boxes the exact search below may split before it leaves the rule to the solver. */
    private static final int SPLIT_BUDGET = 20_000;

    /**
     * What the exact search found: a packet outside every earlier rule, else (packet null) the earlier rules, as
     * positions in their list, whose boxes together held the space (complete is false when the search ran out of
     * its budget first).
     */
    private record Exact(int[] packet, SortedSet<Integer> used, boolean complete) {}

    /**
     * The exact search, for when the greedy one gives up: a packet of {@code space} in none of {@code earlier}, or
     * the earlier rules that together hold the space. It takes the first rule that meets the space and searches,
     * field by field, the part of the space outside that rule's range in the field (where the rule cannot match),
     * narrowing the space to the rule's range before the next field; once every field is narrowed the rest lies
     * inside the rule. Large address groups make the greedy choice of one piece per field fail where a few splits
     * find a packet. When there is none, the rules it used hold the space, and the solver's proof needs only those.
     */
    private static Exact outsideAll(RuleBox space, List<RuleBox> earlier, int[] inPlay, int count) {
        // the rules the greedy search was left with first: they usually hold the space alone, and then they are
        // all the solver needs
        int[] meeting = new int[earlier.size()];
        int meetingCount = 0;
        boolean[] preferred = new boolean[earlier.size()];
        for (int i = 0; i < count; i++) {
            preferred[inPlay[i]] = true;
            meeting[meetingCount++] = inPlay[i];
        }
        for (int i = 0; i < earlier.size(); i++) {
            if (!preferred[i] && earlier.get(i).meets(space)) meeting[meetingCount++] = i;
        }
        SortedSet<Integer> used = new TreeSet<>();
        int[] budget = {SPLIT_BUDGET};
        Candidates candidates = new Candidates(earlier, Arrays.copyOf(meeting, meetingCount));
        int[] packet = outside(space, candidates, 0, used, budget);
        return new Exact(packet, used, budget[0] >= 0);
    }

    /**
     * The search of {@link #outsideAll} in the space (never empty), with the candidates from {@code from} on. A chain
     * of hundreds of single-host rules makes it hundreds deep, each step looking at every rule left.
     */
    private static int[] outside(
            RuleBox space, Candidates candidates, int from, SortedSet<Integer> used, int[] budget) {
        if (--budget[0] < 0) return null;
        // one rule holding all of the space ends this branch, and is all the proof needs of it
        int holding = candidates.firstHolding(space, from);
        if (holding >= 0) {
            used.add(candidates.position(holding));
            return null;
        }
        int firstIndex = candidates.firstMeeting(space, from);
        if (firstIndex < 0) return space.lowest();
        RuleBox first = candidates.box(firstIndex);
        used.add(candidates.position(firstIndex));
        int rest = firstIndex + 1;
        RuleBox inside = space;
        for (int field = 0; field < RuleConditions.FIELD_COUNT; field++) {
            FieldRanges accepted = first.field(field);
            if (accepted.isAll()) continue;
            FieldRanges beyond = inside.field(field).minus(accepted);
            if (!beyond.isEmpty()) {
                int[] found = outside(inside.with(field, beyond), candidates, rest, used, budget);
                if (found != null || budget[0] < 0) return found;
            }
            inside = inside.with(field, inside.field(field).intersect(accepted));
            if (inside.isEmpty()) return null;
        }
        return null; // what is left lies inside the first rule
    }

    /**
     * The earlier rules the exact search may use, in order, with the lowest and highest piece of each field each
     * narrows laid out flat: two comparisons per field rule most of them out before {@link RuleBox#holds} or
     * {@link RuleBox#meets} walks their ranges (the same pre-test those make, so the answers are theirs).
     */
    private static final class Candidates {
        private final RuleBox[] boxes;
        private final int[] positions; // in the list of earlier rules
        private final int[] start; // candidate i's fields are start[i] to start[i + 1] - 1 of the three below
        private final int[] fields;
        private final int[] lows;
        private final int[] highs;

        Candidates(List<RuleBox> earlier, int[] positions) {
            this.positions = positions;
            this.boxes = new RuleBox[positions.length];
            this.start = new int[positions.length + 1];
            int total = 0;
            for (int i = 0; i < positions.length; i++) {
                boxes[i] = earlier.get(positions[i]);
                total += boxes[i].narrowedFields().length;
            }
            fields = new int[total];
            lows = new int[total];
            highs = new int[total];
            int next = 0;
            for (int i = 0; i < positions.length; i++) {
                start[i] = next;
                // an empty box holds and meets no space that is not empty: its own answers are asked below
                if (boxes[i].isEmpty()) continue;
                for (int field : boxes[i].narrowedFields()) {
                    fields[next] = field;
                    lows[next] = boxes[i].lowest(field);
                    highs[next++] = boxes[i].highest(field);
                }
            }
            start[positions.length] = next;
        }

        int position(int index) {
            return positions[index];
        }

        RuleBox box(int index) {
            return boxes[index];
        }

        /** The first candidate from {@code from} on that holds the space, else -1. */
        int firstHolding(RuleBox space, int from) {
            int[] spaceLows = lowestOf(space);
            int[] spaceHighs = highestOf(space);
            for (int i = from; i < boxes.length; i++) {
                boolean maybe = true;
                for (int k = start[i]; maybe && k < start[i + 1]; k++) {
                    maybe = lows[k] <= spaceLows[fields[k]] && spaceHighs[fields[k]] <= highs[k];
                }
                if (maybe && boxes[i].holds(space)) return i;
            }
            return -1;
        }

        /** The first candidate from {@code from} on that meets the space, else -1. */
        int firstMeeting(RuleBox space, int from) {
            int[] spaceLows = lowestOf(space);
            int[] spaceHighs = highestOf(space);
            for (int i = from; i < boxes.length; i++) {
                boolean maybe = true;
                for (int k = start[i]; maybe && k < start[i + 1]; k++) {
                    maybe = lows[k] <= spaceHighs[fields[k]] && spaceLows[fields[k]] <= highs[k];
                }
                if (maybe && boxes[i].meets(space)) return i;
            }
            return -1;
        }

        private static int[] lowestOf(RuleBox space) {
            int[] pieces = new int[RuleConditions.FIELD_COUNT];
            for (int field = 0; field < pieces.length; field++) pieces[field] = space.lowest(field);
            return pieces;
        }

        private static int[] highestOf(RuleBox space) {
            int[] pieces = new int[RuleConditions.FIELD_COUNT];
            for (int field = 0; field < pieces.length; field++) pieces[field] = space.highest(field);
            return pieces;
        }
    }

    /** Over all fields not yet fixed, the piece the fewest rules in play accept (the first field and lowest piece on ties). */
    private static Choice leastAccepted(RuleBox space, List<RuleBox> earlier, int[] inPlay, int count) {
        Choice best = null;
        for (int field = 0; field < RuleConditions.FIELD_COUNT; field++) {
            FieldRanges pieces = space.field(field);
            if (pieces.isSingle()) continue; // every rule in play accepts its only piece
            Choice choice = leastAccepted(field, pieces, earlier, inPlay, count);
            if (best == null || choice.accepting() < best.accepting()) best = choice;
            if (best.accepting() == 0) break;
        }
        return best;
    }

    /**
     * The count only changes where some rule's range begins or ends, so the piece with the fewest is the first of
     * one of {@code pieces}' ranges or such a boundary inside them.
     */
    private static Choice leastAccepted(int field, FieldRanges pieces, List<RuleBox> earlier, int[] inPlay, int count) {
        int acceptingAll = 0;
        int ranges = 0;
        for (int i = 0; i < count; i++) {
            FieldRanges accepted = earlier.get(inPlay[i]).field(field);
            if (accepted.isAll()) acceptingAll++;
            else ranges += accepted.rangeCount();
        }
        if (ranges == 0) return new Choice(field, pieces.lowest(), acceptingAll);
        int[] starts = new int[ranges];
        int[] ends = new int[ranges]; // the piece just after each range
        int next = 0;
        for (int i = 0; i < count; i++) {
            FieldRanges accepted = earlier.get(inPlay[i]).field(field);
            if (accepted.isAll()) continue;
            for (int range = 0; range < accepted.rangeCount(); range++) {
                starts[next] = accepted.low(range);
                ends[next++] = accepted.high(range) + 1;
            }
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        int[] candidates = new int[pieces.rangeCount() + 2 * ranges];
        int candidateCount = 0;
        for (int range = 0; range < pieces.rangeCount(); range++) candidates[candidateCount++] = pieces.low(range);
        for (int boundary : starts) if (pieces.contains(boundary)) candidates[candidateCount++] = boundary;
        for (int boundary : ends) if (pieces.contains(boundary)) candidates[candidateCount++] = boundary;
        Arrays.sort(candidates, 0, candidateCount);
        int started = 0;
        int ended = 0;
        int bestPiece = -1;
        int bestAccepting = Integer.MAX_VALUE;
        for (int i = 0; i < candidateCount; i++) {
            int candidate = candidates[i];
            while (started < ranges && starts[started] <= candidate) started++;
            while (ended < ranges && ends[ended] <= candidate) ended++;
            if (started - ended < bestAccepting) {
                bestAccepting = started - ended;
                bestPiece = candidate;
                if (bestAccepting == 0) break;
            }
        }
        return new Choice(field, bestPiece, acceptingAll + bestAccepting);
    }
}
