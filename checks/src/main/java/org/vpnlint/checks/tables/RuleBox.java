package org.vpnlint.checks.tables;

import java.util.Arrays;
import java.util.List;

/**
 * The packets a rule matches, or the possible packets at a hook, as a box: for each field of a chain packet the
 * pieces ({@link PacketScales}) it holds; a packet is inside when every field's piece is. A rule's conditions make
 * one box because each names one field and all must hold ({@link RuleConditions}). Boxes answer with integer
 * interval arithmetic what the solver would: whether two rules can match one packet, and whether a rule matches a
 * given one.
 */
final class RuleBox {

    private final FieldRanges[] fields;
    private final int[] narrowed; // the fields that do not hold every piece, checked first (one usually tells)
    private final boolean empty;
    // per field, the lowest and highest piece (unset when empty): two comparisons tell most boxes of a large chain
    // apart before their ranges are walked
    private final int[] lowest;
    private final int[] highest;

    private RuleBox(FieldRanges[] fields) {
        this.fields = fields;
        // plain loops: the exact search builds millions of boxes in a large chain
        int[] notAll = new int[fields.length];
        int count = 0;
        boolean none = false;
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].isAll()) notAll[count++] = i;
            none |= fields[i].isEmpty();
        }
        this.narrowed = Arrays.copyOf(notAll, count);
        this.empty = none;
        this.lowest = new int[fields.length];
        this.highest = new int[fields.length];
        for (int i = 0; !empty && i < fields.length; i++) {
            lowest[i] = fields[i].lowest();
            highest[i] = fields[i].highest();
        }
    }

    /** The box of the conditions, on scales cut at (at least) their cuts. */
    static RuleBox of(RuleConditions conditions, PacketScales scales) {
        FieldRanges[] fields = new FieldRanges[RuleConditions.FIELD_COUNT];
        for (int i = 0; i < fields.length; i++)
            fields[i] = scales.field(i).ranges(conditions.fields().get(i));
        if (conditions.needsPorts()) {
            int protocol = RuleConditions.Field.PROTOCOL.ordinal();
            fields[protocol] = fields[protocol].intersect(scales.field(protocol).ranges(RuleConditions.WITH_PORTS));
        }
        return new RuleBox(fields);
    }

    FieldRanges field(int index) {
        return fields[index];
    }

    /** The fields that do not hold every piece (the caller must not change the array). */
    int[] narrowedFields() {
        return narrowed;
    }

    /** The lowest piece of the field (the box must not be empty). */
    int lowest(int field) {
        return lowest[field];
    }

    /** The highest piece of the field (the box must not be empty). */
    int highest(int field) {
        return highest[field];
    }

    boolean isEmpty() {
        return empty;
    }

    /** Whether some packet is in both boxes: neither is empty, and they meet on every field one of them narrows. */
    boolean meets(RuleBox other) {
        if (empty || other.empty) return false;
        for (int i : narrowed) {
            if (highest[i] < other.lowest[i] || other.highest[i] < lowest[i]) return false;
        }
        for (int i : narrowed) {
            if (!fields[i].meets(other.fields[i])) return false;
        }
        return true;
    }

    /** Whether this box holds every possible packet (one of {@code possible}) of {@code rule}. */
    boolean covers(RuleBox rule, List<RuleBox> possible) {
        for (RuleBox where : possible) {
            RuleBox space = where.intersect(rule);
            if (!space.isEmpty() && !space.within(this)) return false;
        }
        return true;
    }

    /** Whether some possible packet (one of {@code possible}) is in both this box and {@code rule}. */
    boolean overlaps(RuleBox rule, List<RuleBox> possible) {
        for (RuleBox where : possible) {
            if (where.intersect(rule).meets(this)) return true;
        }
        return false;
    }

    /**
     * Whether every packet of {@code space} is in this box: only the fields this box narrows can say no, and a
     * field whose lowest to highest piece does not hold the space's says no without a walk over its ranges.
     */
    boolean holds(RuleBox space) {
        if (empty || space.empty) return space.within(this);
        for (int i : narrowed) {
            if (space.lowest[i] < lowest[i] || space.highest[i] > highest[i]) return false;
        }
        for (int i : narrowed) {
            if (!space.fields[i].within(fields[i])) return false;
        }
        return true;
    }

    /** Whether every packet of this box is in the other one. */
    private boolean within(RuleBox other) {
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].within(other.fields[i])) return false;
        }
        return true;
    }

    RuleBox intersect(RuleBox other) {
        FieldRanges[] common = new FieldRanges[fields.length];
        for (int i = 0; i < fields.length; i++) common[i] = fields[i].intersect(other.fields[i]);
        return new RuleBox(common);
    }

    /** The box with one field replaced by {@code ranges}. */
    RuleBox with(int field, FieldRanges ranges) {
        FieldRanges[] replaced = fields.clone();
        replaced[field] = ranges;
        return new RuleBox(replaced);
    }

    /** The box with one field narrowed to a single piece. */
    RuleBox with(int field, int piece) {
        FieldRanges[] narrowed = fields.clone();
        narrowed[field] = FieldRanges.single(fields[field].pieces(), piece);
        return new RuleBox(narrowed);
    }

    /** Whether the packet with these pieces is inside. */
    boolean contains(int[] pieces) {
        for (int i = 0; i < fields.length; i++) {
            if (!fields[i].contains(pieces[i])) return false;
        }
        return true;
    }

    /** The lowest piece of each field (the box must not be empty). */
    int[] lowest() {
        int[] pieces = new int[fields.length];
        for (int i = 0; i < fields.length; i++) pieces[i] = fields[i].lowest();
        return pieces;
    }
}
