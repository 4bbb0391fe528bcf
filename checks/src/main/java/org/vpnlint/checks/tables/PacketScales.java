package org.vpnlint.checks.tables;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.checks.tables.RuleConditions.Field;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.Header;

/** Every field of one chain's packets cut into pieces ({@link FieldScale}) at the cuts of all its conditions. */
final class PacketScales {

    private final List<FieldScale> fields;

    private PacketScales(List<FieldScale> fields) {
        this.fields = List.copyOf(fields);
    }

    static PacketScales of(AddressFamily family, Collection<RuleConditions> conditions) {
        List<FieldScale> scales = new ArrayList<>();
        for (Field field : Field.values()) {
            List<BigInteger> cuts = new ArrayList<>();
            // rules naming one group share its spans: their cuts are added once
            Set<List<FieldCondition.Span>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (RuleConditions rule : conditions) {
                FieldCondition condition = rule.field(field);
                if (seen.add(condition.spans())) condition.addCuts(cuts);
            }
            if (field == Field.PROTOCOL) RuleConditions.WITH_PORTS.addCuts(cuts);
            scales.add(FieldScale.of(width(field, family), cuts));
        }
        return new PacketScales(scales);
    }

    FieldScale field(int field) {
        return fields.get(field);
    }

    /** The packet with the first value of each piece. */
    RulePacket.Values packet(int[] pieces) {
        return RulePacket.Values.of(field -> value(pieces, field));
    }

    private BigInteger value(int[] pieces, Field field) {
        return fields.get(field.ordinal()).firstValue(pieces[field.ordinal()]);
    }

    /** The piece of each field that holds the packet's value. */
    int[] pieces(RulePacket.Values packet) {
        Map<Field, BigInteger> values = new EnumMap<>(Field.class);
        values.put(Field.SOURCE, packet.src());
        values.put(Field.DESTINATION, packet.dst());
        values.put(Field.PROTOCOL, BigInteger.valueOf(packet.protocol()));
        values.put(Field.SOURCE_PORT, BigInteger.valueOf(packet.srcPort()));
        values.put(Field.DESTINATION_PORT, BigInteger.valueOf(packet.dstPort()));
        values.put(Field.INBOUND, BigInteger.valueOf(packet.inbound()));
        values.put(Field.OUTBOUND, BigInteger.valueOf(packet.outbound()));
        values.put(Field.STATE, BigInteger.valueOf(packet.state()));
        values.put(Field.DECRYPTED, packet.decrypted() ? BigInteger.ONE : BigInteger.ZERO);
        int[] pieces = new int[RuleConditions.FIELD_COUNT];
        values.forEach((field, value) ->
                pieces[field.ordinal()] = fields.get(field.ordinal()).piece(value));
        return pieces;
    }

    private static int width(Field field, AddressFamily family) {
        return switch (field) {
            case SOURCE, DESTINATION -> family.width();
            case PROTOCOL -> Header.PROTOCOL_WIDTH;
            case SOURCE_PORT, DESTINATION_PORT -> Header.PORT_WIDTH;
            case INBOUND, OUTBOUND -> RulePacket.INTERFACE_WIDTH;
            case STATE -> RulePacket.STATE_WIDTH;
            case DECRYPTED -> 1;
        };
    }
}
