package org.vpnlint.solver;

import java.util.List;

/**
 * A wish that makes a witness read well, with alternatives in the order they are wanted: the first alternative that
 * can hold (with the goal and the preferences kept before it) is kept and the rest are not tried. Alternatives that
 * exclude each other, such as "TCP, else UDP, else ICMP", so cost one solver check instead of one each.
 */
public record Preference<B>(List<B> alternatives) {

    public Preference {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) throw new IllegalArgumentException("a preference needs at least one alternative");
    }

    public static <B> Preference<B> of(B wish) {
        return new Preference<>(List.of(wish));
    }

    public static <B> Preference<B> firstOf(List<B> alternatives) {
        return new Preference<>(alternatives);
    }

    /** The most wanted alternative. */
    public B first() {
        return alternatives.get(0);
    }
}
