package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.List;

/**
 * A first-match table (routes, XFRM policies, NAT and filter rules) scanned in table order for one header. An
 * entry whose condition is surely true wins and ends the scan: the entries after it can no longer decide for this
 * header, in a concrete run or a symbolic one. An entry whose condition is surely false is left out. The rest stay
 * undecided, and the caller folds them from the last to the first over the winner's result (or the table's
 * default), which gives exactly the terms a fold over the whole table gives, since a constant condition selects
 * one side.
 */
final class FirstMatch<B> {

    private final HeaderAlgebra<B, ?> algebra;
    private final List<Integer> positions = new ArrayList<>();
    private final List<B> conditions = new ArrayList<>();
    private int winner = -1;

    FirstMatch(HeaderAlgebra<B, ?> algebra) {
        this.algebra = algebra;
    }

    /** Offers the next entry in table order. */
    void offer(int position, B condition) {
        Boolean known = algebra.truthOf(condition);
        if (Boolean.TRUE.equals(known)) {
            winner = position;
        } else if (known == null) {
            keep(position, condition);
        }
    }

    /** Keeps the next entry as undecided even if its condition is known: it acts, but cannot end the scan. */
    void keep(int position, B condition) {
        positions.add(position);
        conditions.add(condition);
    }

    /** Whether an entry won: the scan is over. */
    boolean decided() {
        return winner >= 0;
    }

    /** The winning entry's position, or -1. */
    int winner() {
        return winner;
    }

    /** How many entries before the winner stay undecided. */
    int undecided() {
        return positions.size();
    }

    /** The k-th undecided entry's position (in table order). */
    int position(int k) {
        return positions.get(k);
    }

    /** The k-th undecided entry's condition. */
    B condition(int k) {
        return conditions.get(k);
    }
}
