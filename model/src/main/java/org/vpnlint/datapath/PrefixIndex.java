package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entries of a table (policies, routes, NAT rules) by the prefix blocks one of their conditions names, so that a
 * known address finds the entries with a block holding it by one lookup per prefix length in use, instead of a test
 * per entry. The entries it does not return surely do not hold that address.
 */
final class PrefixIndex {

    /** An entry's position in its table and one of its blocks. */
    record Block(int position, PrefixBlock block) {}

    private static final int[] NONE = new int[0];

    /** Prefix length → network → positions of the entries with that block, ascending. */
    private final Map<Integer, Map<BigInteger, int[]>> byLength = new TreeMap<>();

    private final Map<Integer, BigInteger> masks = new HashMap<>();

    /** Indexes the blocks of the family (a block of another family holds none of its addresses). */
    PrefixIndex(AddressFamily family, List<Block> blocks) {
        Map<Integer, Map<BigInteger, List<Integer>>> lists = new TreeMap<>();
        for (Block entry : blocks) {
            PrefixBlock block = entry.block();
            if (block.family() != family) continue;
            lists.computeIfAbsent(block.length(), length -> new HashMap<>())
                    .computeIfAbsent(block.network(), network -> new ArrayList<>())
                    .add(entry.position());
            masks.putIfAbsent(block.length(), block.mask());
        }
        lists.forEach((length, networks) -> {
            Map<BigInteger, int[]> positions = new HashMap<>();
            networks.forEach((network, list) -> positions.put(
                    network,
                    list.stream().mapToInt(Integer::intValue).distinct().toArray()));
            byLength.put(length, positions);
        });
    }

    /** Indexes one block per entry, the entry's position being its place in the array. */
    static PrefixIndex of(AddressFamily family, PrefixBlock[] blocks) {
        List<Block> entries = new ArrayList<>();
        for (int position = 0; position < blocks.length; position++) entries.add(new Block(position, blocks[position]));
        return new PrefixIndex(family, entries);
    }

    /** The positions, ascending and distinct, of the entries with a block holding the address (of the index's family). */
    int[] holding(BigInteger address) {
        int[] found = NONE;
        for (Map.Entry<Integer, Map<BigInteger, int[]>> length : byLength.entrySet()) {
            int[] positions = length.getValue().get(address.and(masks.get(length.getKey())));
            if (positions == null) continue;
            if (found.length == 0) {
                found = positions; // the usual case: one length holds the address
                continue;
            }
            int[] merged = Arrays.copyOf(found, found.length + positions.length);
            System.arraycopy(positions, 0, merged, found.length, positions.length);
            found = Arrays.stream(merged).sorted().distinct().toArray();
        }
        return found;
    }
}
