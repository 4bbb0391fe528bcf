package org.vpnlint.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every Z3 object a solver created reachable until the solver closes.
 *
 * <p>Z3's Java binding releases a native term when the garbage collector finds its Java object unreachable, and Z3
 * then reuses the released term's id. Ids steer Z3's hash tables and search, so without this the witness Z3 returns
 * would depend on when the collector happened to run, and the same input could give different JSON and SARIF.
 * Holding the objects costs memory, so an arena (and its context) lives only until it holds {@link Z3Solver}'s limit
 * of objects; then, between two questions, the solver closes the context, which releases them all at once.
 */
final class Z3Arena {
    private final List<Object> objects = new ArrayList<>();

    <T> T keep(T object) {
        objects.add(object);
        return object;
    }

    /** How many objects it holds. */
    int size() {
        return objects.size();
    }
}
