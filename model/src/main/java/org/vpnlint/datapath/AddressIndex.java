package org.vpnlint.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.PacketMatch;

/**
 * The rules of a chain by their address conditions, for a header whose addresses are known: the rules whose source
 * condition holds the source, those whose destination condition holds the destination, and those that name
 * neither address. Any other rule has an address condition that surely fails, so it surely does not match. A
 * condition narrows a rule only when it lists ranges without {@code !}; its ranges of the family are indexed as prefix
 * blocks (ranges of the other family hold no address of it).
 */
final class AddressIndex {

    private final PrefixIndex bySource;
    private final PrefixIndex byDestination;
    private final int[] unnarrowed;

    /** Over the rules' matches in chain order, with their address conditions as numbers of the family. */
    AddressIndex(AddressFamily family, List<PacketMatch> rules, Function<AddressMatch, AddressRanges> ranges) {
        List<PrefixIndex.Block> sources = new ArrayList<>();
        List<PrefixIndex.Block> destinations = new ArrayList<>();
        List<Integer> neither = new ArrayList<>();
        for (int position = 0; position < rules.size(); position++) {
            PacketMatch match = rules.get(position);
            if (narrows(match.source())) addBlocks(sources, position, ranges.apply(match.source()), family);
            else if (narrows(match.destination()))
                addBlocks(destinations, position, ranges.apply(match.destination()), family);
            else neither.add(position);
        }
        this.bySource = new PrefixIndex(family, sources);
        this.byDestination = new PrefixIndex(family, destinations);
        this.unnarrowed = neither.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The positions, ascending, of the rules that may match a header with these addresses. */
    int[] candidates(BigInteger source, BigInteger destination) {
        return IntStream.concat(
                        IntStream.concat(
                                IntStream.of(bySource.holding(source)),
                                IntStream.of(byDestination.holding(destination))),
                        IntStream.of(unnarrowed))
                .sorted()
                .toArray();
    }

    private static boolean narrows(AddressMatch match) {
        return !match.ranges().isEmpty() && !match.negated();
    }

    private static void addBlocks(
            List<PrefixIndex.Block> blocks, int position, AddressRanges ranges, AddressFamily family) {
        for (PrefixBlock block : ranges.blocks(family)) blocks.add(new PrefixIndex.Block(position, block));
    }
}
