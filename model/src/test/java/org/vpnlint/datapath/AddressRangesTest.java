package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AddressMatch;

/**
 * Merged interval sets answer exactly as one equality per member would: random groups of single addresses and
 * short ranges (overlapping, touching, out of order, duplicated), tested at every address around them.
 */
class AddressRangesTest {
    private static final BigInteger BASE =
            new IPAddressString("10.0.0.0").getAddress().getValue();
    private static final int SPAN = 512;

    @Test
    void mergedIntervalsAnswerLikeOneEqualityPerMember() {
        Random random = new Random(20261204L);
        for (int round = 0; round < 200; round++) {
            List<IPAddressSeqRange> ranges = new ArrayList<>();
            TreeSet<BigInteger> members = new TreeSet<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                int low = random.nextInt(SPAN - 8);
                int high = random.nextInt(4) == 0 ? low + random.nextInt(6) : low;
                ranges.add(address(low).spanWithRange(address(high)));
                for (int a = low; a <= high; a++) members.add(BASE.add(BigInteger.valueOf(a)));
            }
            boolean negated = random.nextInt(5) == 0;
            AddressRanges merged = AddressRanges.of(new AddressMatch(ranges, negated, "group"), AddressFamily.IPV4);
            ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
            for (int a = -2; a < SPAN + 2; a++) {
                BigInteger address = BASE.add(BigInteger.valueOf(a));
                ConcreteBits bits = algebra.bits(address, 32);
                boolean byEquality = false;
                for (BigInteger member : members) byEquality |= algebra.eq(bits, algebra.bits(member, 32));
                boolean expected = byEquality != negated;
                assertEquals(expected, merged.term(algebra, 32, bits), "term at " + address + " in round " + round);
                assertEquals(expected, merged.contains(address), "contains at " + address + " in round " + round);
            }
        }
    }

    @Test
    void neighbouringAddressesBecomeOneInterval() {
        List<IPAddressSeqRange> ranges = new ArrayList<>();
        for (int a : new int[] {5, 3, 4, 9, 10, 6, 9}) ranges.add(address(a).toSequentialRange());
        AddressRanges merged = AddressRanges.of(new AddressMatch(ranges, false, "group"), AddressFamily.IPV4);
        // 10.0.0.3-6 and 10.0.0.9-10: .3/32 .4/31 .6/32 and .9/32 .10/32; unmerged, the duplicate .9 and the
        // single .4 and .5 would give seven blocks
        List<PrefixBlock> blocks = merged.blocks(AddressFamily.IPV4);
        assertEquals(5, blocks.size(), blocks.toString());
    }

    private static IPAddress address(int offset) {
        return new IPAddressString("10.0.0.0").getAddress().increment(offset);
    }
}
