package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.vpnlint.checks.tables.RuleConditions.Field;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.ProtocolMatch;

/**
 * An example packet of a rule, read off its box ({@link RuleBox}) instead of asked of the solver: the same wishes
 * the solver's readable examples have ({@link ReadableExample}, plus the first packet of a flow, not from an IPsec
 * SA), kept in the same order where they can hold together with those kept before (a lexicographic optimum), then
 * the lowest value left in each field. Boxes describe exactly the packets the solver's terms do, so the packet is
 * one the rule matches; which of the many such packets it is may differ from the solver's pick, and does not
 * depend on what else the run asked.
 */
final class BoxExample {

    private static final int EPHEMERAL_PORT = 40000;
    private static final int LOW_BYTE = 0xFF;

    private BoxExample() {}

    /** Values of one field from {@code low} to {@code high}. */
    private record Interval(BigInteger low, BigInteger high) {}

    /** A wish on one field: what is left of the field's values when it holds. */
    private record Wish(Field field, UnaryOperator<List<Interval>> narrow) {}

    /**
     * @param possible the possible packets at the chain's hook (first the ones with ports)
     * @return a possible packet the rule matches, or null when there is none
     */
    static RulePacket.Values of(RuleBox rule, List<RuleBox> possible, PacketScales scales, AddressFamily family) {
        // each candidate is one possible box's part of the rule, as the values left in each field
        List<List<List<Interval>>> candidates = new ArrayList<>();
        for (RuleBox where : possible) {
            RuleBox space = where.intersect(rule);
            if (!space.isEmpty()) candidates.add(values(space, scales));
        }
        if (candidates.isEmpty()) return null;
        for (Wish wish : wishes(family)) {
            List<List<List<Interval>>> kept = new ArrayList<>();
            for (List<List<Interval>> candidate : candidates) {
                List<Interval> narrowed =
                        wish.narrow().apply(candidate.get(wish.field().ordinal()));
                if (narrowed.isEmpty()) continue;
                List<List<Interval>> with = new ArrayList<>(candidate);
                with.set(wish.field().ordinal(), narrowed);
                kept.add(with);
            }
            if (!kept.isEmpty()) candidates = kept; // else the wish cannot hold with those before: left out
        }
        List<List<Interval>> chosen = candidates.get(0);
        return RulePacket.Values.of(field -> lowest(chosen, field));
    }

    /** The wishes in the solver's order (ShadowedRules' readable query, then {@link ReadableExample}). */
    private static List<Wish> wishes(AddressFamily family) {
        BigInteger firstRoutable = BigInteger.ONE.shiftLeft(family.width() - 8); // not 0.0.0.0/8 (or ::/8)
        BigInteger lastAddress = BigInteger.ONE.shiftLeft(family.width()).subtract(BigInteger.ONE);
        BigInteger lastPort = BigInteger.valueOf(0xFFFF);
        List<Wish> wishes = new ArrayList<>();
        wishes.add(new Wish(Field.STATE, only(BigInteger.valueOf(ConnectionState.NEW.ordinal()))));
        wishes.add(new Wish(Field.DECRYPTED, only(BigInteger.ZERO)));
        wishes.add(new Wish(Field.PROTOCOL, only(BigInteger.valueOf(ProtocolMatch.TCP))));
        for (Field address : List.of(Field.SOURCE, Field.DESTINATION)) {
            wishes.add(new Wish(address, within(firstRoutable, lastAddress)));
            wishes.add(new Wish(address, BoxExample::lowByteNotZero));
        }
        wishes.add(new Wish(Field.SOURCE_PORT, within(BigInteger.valueOf(EPHEMERAL_PORT), lastPort)));
        wishes.add(new Wish(Field.DESTINATION_PORT, within(BigInteger.ONE, lastPort)));
        return wishes;
    }

    private static UnaryOperator<List<Interval>> only(BigInteger value) {
        return within(value, value);
    }

    private static UnaryOperator<List<Interval>> within(BigInteger low, BigInteger high) {
        return intervals -> {
            List<Interval> inside = new ArrayList<>();
            for (Interval interval : intervals) {
                BigInteger from = interval.low().max(low);
                BigInteger to = interval.high().min(high);
                if (from.compareTo(to) <= 0) inside.add(new Interval(from, to));
            }
            return inside;
        };
    }

    /**
     * Moves each interval's start to its first value whose last byte is not 0 (dropping intervals without one). The
     * intervals may still hold such values further on; that is enough here, since this is the last wish on its field
     * and only each field's lowest value is taken.
     */
    private static List<Interval> lowByteNotZero(List<Interval> intervals) {
        List<Interval> kept = new ArrayList<>();
        for (Interval interval : intervals) {
            BigInteger from =
                    (interval.low().intValue() & LOW_BYTE) == 0 ? interval.low().add(BigInteger.ONE) : interval.low();
            if (from.compareTo(interval.high()) <= 0) kept.add(new Interval(from, interval.high()));
        }
        return kept;
    }

    private static List<List<Interval>> values(RuleBox space, PacketScales scales) {
        List<List<Interval>> fields = new ArrayList<>();
        for (int field = 0; field < RuleConditions.FIELD_COUNT; field++) {
            FieldRanges ranges = space.field(field);
            FieldScale scale = scales.field(field);
            List<Interval> intervals = new ArrayList<>();
            for (int range = 0; range < ranges.rangeCount(); range++) {
                intervals.add(new Interval(scale.firstValue(ranges.low(range)), scale.lastValue(ranges.high(range))));
            }
            fields.add(intervals);
        }
        return fields;
    }

    private static BigInteger lowest(List<List<Interval>> fields, Field field) {
        return fields.get(field.ordinal()).get(0).low();
    }
}
