package org.vpnlint.solver;

import java.util.List;

/**
 * One satisfiability question: build terms with {@link #algebra()}, state hard facts with {@link #require},
 * readability wishes with {@link #prefer} (kept only when they can hold), then {@link #check} whether the goal
 * can hold. A witness gives the value of every fresh variable.
 */
public interface SymbolicQuery<B, V> extends AutoCloseable {

    SymbolicAlgebra<B, V> algebra();

    void require(B fact);

    /** A soft constraint: the witness satisfies it if it can; earlier preferences weigh more. */
    void prefer(B wish);

    /** As {@link #prefer(Object)}, with alternatives: the first one that can hold is kept. */
    void prefer(Preference<B> preference);

    /** Proved when the goal cannot hold, Witness when it can, Unknown on timeout or solver limits. */
    QueryResult check(B goal);

    /**
     * As {@link #check(Object)}, with {@code preferences} for this check only, after the query's own. Many goals can
     * so be asked of one set of facts, each with the wishes that make its witness read well.
     */
    QueryResult check(B goal, List<Preference<B>> preferences);

    @Override
    void close();
}
