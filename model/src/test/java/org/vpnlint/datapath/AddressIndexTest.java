package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.ProtocolMatch;

/**
 * The rules a known header may match are found by address: a rule left out has an address condition the header
 * surely fails, so a replay that skips it takes the same path.
 */
class AddressIndexTest {

    @Test
    void aRangeThatIsNotOneBlockIsCoveredExactlyByItsBlocks() {
        List<PrefixBlock> blocks = PrefixBlock.covering(AddressFamily.IPV4, value("10.0.0.1"), value("10.0.0.6"));

        assertEquals(
                List.of("10.0.0.1/32", "10.0.0.2/31", "10.0.0.4/31", "10.0.0.6/32"),
                blocks.stream().map(AddressIndexTest::text).toList());
    }

    @Test
    void theWholeAddressSpaceIsOneBlock() {
        List<PrefixBlock> blocks = PrefixBlock.covering(AddressFamily.IPV4, BigInteger.ZERO, value("255.255.255.255"));

        assertEquals(
                List.of("0.0.0.0/0"),
                blocks.stream().map(AddressIndexTest::text).toList());
    }

    @Test
    void candidatesAreTheRulesWhoseAddressConditionsMayHold() {
        List<PacketMatch> rules = List.of(
                match(range("10.0.0.0", "10.0.0.255", false), AddressMatch.ANY), // 0: source 10.0.0.0/24
                match(AddressMatch.ANY, range("172.16.0.0", "172.31.255.255", false)), // 1: destination only
                match(AddressMatch.ANY, AddressMatch.ANY), // 2: no address condition
                match(range("10.0.0.0", "10.0.0.255", true), AddressMatch.ANY), // 3: negated: never narrows
                match(range("10.0.1.5", "10.0.1.9", false), AddressMatch.ANY), // 4: a range of five
                match(range("2001:db8::", "2001:db8::ffff", false), AddressMatch.ANY)); // 5: IPv6 only: never
        AddressIndex index = new AddressIndex(AddressFamily.IPV4, rules, m -> AddressRanges.of(m, AddressFamily.IPV4));

        assertArrayEquals(new int[] {0, 2, 3}, index.candidates(value("10.0.0.7"), value("8.8.8.8")));
        assertArrayEquals(new int[] {1, 2, 3, 4}, index.candidates(value("10.0.1.9"), value("172.20.0.1")));
        assertArrayEquals(new int[] {2, 3}, index.candidates(value("10.0.1.10"), value("8.8.8.8")));
    }

    private static PacketMatch match(AddressMatch source, AddressMatch destination) {
        return new PacketMatch(source, destination, ProtocolMatch.ANY, PortMatch.ANY, PortMatch.ANY);
    }

    private static AddressMatch range(String low, String high, boolean negated) {
        var range = new IPAddressString(low).getAddress().spanWithRange(new IPAddressString(high).getAddress());
        return new AddressMatch(List.of(range), negated, (negated ? "!" : "") + low + "-" + high);
    }

    private static BigInteger value(String address) {
        return new IPAddressString(address).getAddress().getValue();
    }

    private static String text(PrefixBlock block) {
        return block.family().addressOf(block.network()).toCompressedString() + "/" + block.length();
    }
}
