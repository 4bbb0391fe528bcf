package org.vpnlint.checks.diff;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.checks.datapath.TunnelTrafficSlice;
import org.vpnlint.datapath.AddressFamily;

/**
 * A change space cut into boxes that are each asked on their own: source prefixes × destination prefixes, cut along
 * one side so that each box's slice of either version holds few tunnels and rules.
 *
 * <p>Why. A changed rule that names only a destination (an exclude, say) touches packets from any source; the slice
 * of such a space keeps every source NAT and filter rule that names a source, thousands on a large router, and one
 * question over all of them is slow. The same space cut by source prefix gives questions that each keep only the
 * rules whose addresses overlap their box ({@link TunnelTrafficSlice#weight}): the union of the boxes is the space,
 * each box's answer is sound by the slice's own argument, so "no packet of any box changes fate" is the same proof.
 *
 * <p>How. The side that is "any address" is cut (when both sides are prefixes, the side whose cut costs less); its
 * prefixes are halved until a box weighs at most {@link #WEIGHT_PER_BOX} or is a single address, then neighbouring
 * boxes are joined again while the join weighs no more than the heavier of the two or the limit (a box of a few
 * rules is not worth a question of its own). A space that weighs at most the limit is one box, the space itself.
 */
final class ChangeSpaceSplit {

    /**
     * The most tunnels and rules a box's question should hold. Measured on the benchmark's 1,000-tunnel router
     * (an exclude removed): see the bench's diff table.
     */
    static final int WEIGHT_PER_BOX = 96;
    /** What a question costs beyond its rules (building both pipelines, the checks), in rules. */
    private static final int COST_PER_BOX = 32;

    private final List<TunnelTrafficSlice> versions;
    private final AddressFamily family;
    private final Map<Box, Integer> weights = new HashMap<>();

    private ChangeSpaceSplit(List<TunnelTrafficSlice> versions, AddressFamily family) {
        this.versions = versions;
        this.family = family;
    }

    /** The boxes, in address order; the space itself when it is light enough. */
    static List<ChangeSpace> boxes(
            ChangeSpace space, AddressFamily family, TunnelTrafficSlice before, TunnelTrafficSlice after) {
        ChangeSpaceSplit split = new ChangeSpaceSplit(List.of(before, after), family);
        if (split.weight(space.sources(), space.destinations()) <= WEIGHT_PER_BOX) return List.of(space);
        if (space.sources() == null) return split.alongSources(space);
        if (space.destinations() == null) return split.alongDestinations(space);
        List<ChangeSpace> bySource = split.alongSources(space);
        List<ChangeSpace> byDestination = split.alongDestinations(space);
        return split.cost(bySource) <= split.cost(byDestination) ? bySource : byDestination;
    }

    private List<ChangeSpace> alongSources(ChangeSpace space) {
        List<IPAddress> fixed = space.destinations();
        List<ChangeSpace> boxes = new ArrayList<>();
        for (List<IPAddress> part : cut(space.sources(), part -> weight(part, fixed)))
            boxes.add(new ChangeSpace(part, fixed));
        return boxes;
    }

    private List<ChangeSpace> alongDestinations(ChangeSpace space) {
        List<IPAddress> fixed = space.sources();
        List<ChangeSpace> boxes = new ArrayList<>();
        for (List<IPAddress> part : cut(space.destinations(), part -> weight(fixed, part)))
            boxes.add(new ChangeSpace(fixed, part));
        return boxes;
    }

    private interface Weight {
        int of(List<IPAddress> part);
    }

    /** One side's prefixes (null: any address) cut into parts, each a list of prefixes in address order. */
    private List<List<IPAddress>> cut(List<IPAddress> side, Weight weight) {
        List<IPAddress> prefixes = side == null ? List.of(whole()) : side;
        List<List<IPAddress>> halves = new ArrayList<>();
        for (IPAddress prefix : prefixes) halve(prefix.toPrefixBlock(), weight, halves);
        List<List<IPAddress>> joined = new ArrayList<>();
        List<IPAddress> current = null;
        int currentWeight = 0;
        for (List<IPAddress> part : halves) {
            int partWeight = weight.of(part);
            if (current != null) {
                List<IPAddress> union = new ArrayList<>(current);
                union.addAll(part);
                int unionWeight = weight.of(union);
                if (unionWeight <= Math.max(WEIGHT_PER_BOX, Math.max(currentWeight, partWeight))) {
                    current = union;
                    currentWeight = unionWeight;
                    continue;
                }
                joined.add(current);
            }
            current = new ArrayList<>(part);
            currentWeight = partWeight;
        }
        if (current != null) joined.add(current);
        return joined;
    }

    private void halve(IPAddress prefix, Weight weight, List<List<IPAddress>> into) {
        int length = prefix.getNetworkPrefixLength() == null ? family.width() : prefix.getNetworkPrefixLength();
        if (length >= family.width() || weight.of(List.of(prefix)) <= WEIGHT_PER_BOX) {
            into.add(List.of(prefix));
            return;
        }
        halve(prefix.getLower().toPrefixBlock(length + 1), weight, into);
        halve(prefix.getUpper().toPrefixBlock(length + 1), weight, into);
    }

    /**
     * The heavier version's weight: the question holds both. Remembered, because halving weighs each part and joining
     * weighs it again (on a 1,000-tunnel router each weighing walks every tunnel's ESP packets).
     */
    private int weight(List<IPAddress> sources, List<IPAddress> destinations) {
        return weights.computeIfAbsent(new Box(sources, destinations), box -> {
            int heaviest = 0;
            for (TunnelTrafficSlice version : versions)
                heaviest = Math.max(heaviest, version.weight(sources, destinations));
            return heaviest;
        });
    }

    /** A box's prefixes, as the key of its weight (null: any address). */
    private record Box(List<IPAddress> sources, List<IPAddress> destinations) {}

    private int cost(List<ChangeSpace> boxes) {
        int cost = 0;
        for (ChangeSpace box : boxes) cost += COST_PER_BOX + weight(box.sources(), box.destinations());
        return cost;
    }

    private IPAddress whole() {
        return new IPAddressString(family == AddressFamily.IPV4 ? "0.0.0.0/0" : "::/0").getAddress();
    }
}
