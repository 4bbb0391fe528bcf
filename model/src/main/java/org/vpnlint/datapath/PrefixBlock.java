package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A prefix (a policy selector, a route's destination) as numbers, computed once when the router is compiled: its
 * family, length, first and last address and network mask. A packet with a known address is then tested by two
 * comparisons, one with a symbolic address by the mask-and-compare term.
 */
record PrefixBlock(AddressFamily family, int length, BigInteger network, BigInteger last, BigInteger mask) {

    static PrefixBlock of(IPAddress prefix) {
        AddressFamily family = AddressFamily.of(prefix);
        int length = prefix.getNetworkPrefixLength() == null ? family.width() : prefix.getNetworkPrefixLength();
        return of(family, length, prefix.toPrefixBlock().getLower().getValue());
    }

    /** The block of {@code length} bits whose first address is {@code network}. */
    static PrefixBlock of(AddressFamily family, int length, BigInteger network) {
        int width = family.width();
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger hostBits = BigInteger.ONE.shiftLeft(width - length).subtract(BigInteger.ONE);
        return new PrefixBlock(family, length, network, network.or(hostBits), all.xor(hostBits));
    }

    /** The fewest blocks that together are exactly the range {@code low..high}, in address order. */
    static List<PrefixBlock> covering(AddressFamily family, BigInteger low, BigInteger high) {
        BigInteger size = high.subtract(low).add(BigInteger.ONE);
        int sizeBits = size.getLowestSetBit();
        if (size.bitCount() == 1 && (low.signum() == 0 || low.getLowestSetBit() >= sizeBits)) {
            return List.of(of(family, family.width() - sizeBits, low)); // the usual case: the range is one block
        }
        List<PrefixBlock> blocks = new ArrayList<>();
        BigInteger next = low;
        while (next.compareTo(high) <= 0) {
            // the largest block starting at next (aligned to it) that ends inside the range
            int hostBits = next.signum() == 0 ? family.width() : next.getLowestSetBit();
            while (hostBits > 0
                    && next.add(BigInteger.ONE.shiftLeft(hostBits))
                                    .subtract(BigInteger.ONE)
                                    .compareTo(high)
                            > 0) {
                hostBits--;
            }
            blocks.add(of(family, family.width() - hostBits, next));
            next = next.add(BigInteger.ONE.shiftLeft(hostBits));
        }
        return blocks;
    }

    /** Whether the address, of the given family, lies in the block; a block of another family never holds it. */
    boolean contains(AddressFamily addressFamily, BigInteger address) {
        return family == addressFamily && network.compareTo(address) <= 0 && address.compareTo(last) <= 0;
    }

    /** The same test as a term over an address of the given family. */
    <B, V> B term(HeaderAlgebra<B, V> algebra, AddressFamily addressFamily, V address) {
        if (family != addressFamily) return algebra.bool(false);
        if (length == 0) return algebra.bool(true);
        int width = family.width();
        V masked = length == width ? address : algebra.bitAnd(address, algebra.bits(mask, width));
        return algebra.eq(masked, algebra.bits(network, width));
    }
}
