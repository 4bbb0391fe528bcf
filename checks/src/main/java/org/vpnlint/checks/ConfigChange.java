package org.vpnlint.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Router;

/**
 * A suggested fix as configuration edits: nodes to add (leaf paths such as
 * {@code nat / source / rule 5 / destination / address 10.10.10.0/24}), nodes to delete, tag nodes to renumber, and
 * remarks (an alternative). {@link FixFormatter} renders it in the file's own style; a finding's fix is always one of
 * these, or none.
 */
public final class ConfigChange {

    /** One word of a path; {@code value} is set for tag nodes ({@code rule 5}) and leaves with a value. */
    public record Segment(String name, String value) {
        public static Segment of(String name) {
            return new Segment(name, null);
        }

        public static Segment of(String name, Object value) {
            return new Segment(name, String.valueOf(value));
        }

        /**
         * The segments of a path as the model writes it ({@code firewall ipv4 name WAN_IN rule 20}): {@code rule},
         * {@code name}, {@code ipv6-name}, {@code peer} and {@code tunnel} are tag nodes and take the next word as their value.
         */
        public static List<Segment> path(String words) {
            List<Segment> segments = new ArrayList<>();
            String[] parts = words.trim().split("\\s+");
            for (int i = 0; i < parts.length; i++) {
                boolean tag = TAGS.contains(parts[i]) && i + 1 < parts.length;
                segments.add(tag ? of(parts[i], parts[++i]) : of(parts[i]));
            }
            return List.copyOf(segments);
        }

        private static final List<String> TAGS = List.of("rule", "name", "ipv6-name", "peer", "tunnel");
    }

    /** One edit of a change. */
    public sealed interface Edit {}

    /** Add this leaf (with its value, if it has one). */
    public record Add(List<Segment> leaf) implements Edit {}

    /** Delete this node and all below it. */
    public record Delete(List<Segment> node) implements Edit {}

    /** Give the tag node {@code from} under {@code parent} the tag of {@code to} (e.g. rule 20 to rule 5). */
    public record Rename(List<Segment> parent, Segment from, Segment to) implements Edit {}

    /** A remark for the reader, shown as a comment (e.g. an alternative to the edits). */
    public record Remark(String text) implements Edit {}

    /** {@code vpn ipsec site-to-site peer NAME}: where a peer's own nodes go. */
    public static List<Segment> peerPath(IpsecPeer peer) {
        return List.of(
                Segment.of("vpn"), Segment.of("ipsec"), Segment.of("site-to-site"), Segment.of("peer", peer.name()));
    }

    /** {@code vpn ipsec site-to-site peer NAME tunnel N}. */
    public static List<Segment> tunnelPath(IpsecPeer peer, int number) {
        List<Segment> path = new ArrayList<>(peerPath(peer));
        path.add(Segment.of("tunnel", number));
        return List.copyOf(path);
    }

    /**
     * {@code count} rule numbers not in {@code used}, all below {@code number}, for new rules that must come before
     * rule {@code number}: from {@code number - 5} (rule 5 for rule 10, 5005 for 5010) downwards, then the ones just
     * below it; null when there are not enough.
     */
    public static List<Integer> freeRuleNumbersBelow(Set<Integer> used, int number, int count) {
        List<Integer> free = new ArrayList<>();
        int start = number > 5 ? number - 5 : number - 1;
        for (int candidate = start; candidate >= 1 && free.size() < count; candidate--) {
            if (!used.contains(candidate)) free.add(candidate);
        }
        for (int candidate = start + 1; candidate < number && free.size() < count; candidate++) {
            if (!used.contains(candidate)) free.add(candidate);
        }
        return free.size() == count ? free : null;
    }

    private final List<Edit> edits = new ArrayList<>();

    public ConfigChange set(List<Segment> base, Segment... rest) {
        List<Segment> path = new ArrayList<>(base);
        path.addAll(List.of(rest));
        edits.add(new Add(List.copyOf(path)));
        return this;
    }

    public ConfigChange delete(List<Segment> node) {
        edits.add(new Delete(List.copyOf(node)));
        return this;
    }

    public ConfigChange rename(List<Segment> parent, Segment from, Segment to) {
        edits.add(new Rename(List.copyOf(parent), from, to));
        return this;
    }

    /** Appends every edit of {@code other} after this change's own (two fixes offered together). */
    public ConfigChange then(ConfigChange other) {
        edits.addAll(other.edits);
        return this;
    }

    public ConfigChange remark(String text) {
        edits.add(new Remark(text));
        return this;
    }

    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** The leaves to add, in order. */
    public List<List<Segment>> leaves() {
        return edits.stream()
                .filter(Add.class::isInstance)
                .map(edit -> ((Add) edit).leaf())
                .toList();
    }

    /** Whether the change only adds nodes (and remarks): only such a change can be written as a curly fragment. */
    public boolean onlyAdds() {
        return edits.stream().allMatch(edit -> edit instanceof Add || edit instanceof Remark);
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** The change as the router's file would write it (see {@link FixFormatter}). */
    public String renderFor(Router router) {
        return FixFormatter.format(ConfigStyle.of(router), this);
    }
}
