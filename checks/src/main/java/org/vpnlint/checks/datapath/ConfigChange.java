package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration nodes to add, as leaf paths ({@code nat / source / rule 5 / destination / address 10.10.10.0/24}),
 * rendered by {@link FixFormatter} as {@code set} commands or as a curly fragment.
 */
final class ConfigChange {

    /** One word of a path; {@code value} is set for tag nodes ({@code rule 5}) and leaves with a value. */
    record Segment(String name, String value) {
        static Segment of(String name) {
            return new Segment(name, null);
        }

        static Segment of(String name, Object value) {
            return new Segment(name, String.valueOf(value));
        }
    }

    private final List<List<Segment>> leaves = new ArrayList<>();

    ConfigChange set(List<Segment> base, Segment... rest) {
        List<Segment> path = new ArrayList<>(base);
        path.addAll(List.of(rest));
        leaves.add(List.copyOf(path));
        return this;
    }

    List<List<Segment>> leaves() {
        return List.copyOf(leaves);
    }

    boolean isEmpty() {
        return leaves.isEmpty();
    }
}
