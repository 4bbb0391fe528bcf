package org.vpnlint.solver;

import java.time.Duration;

/**
 * The port to an SMT solver (Z3 behind it), kept small so that rules and most tests never touch native code
 * directly. Each query has its own fresh variables and a timeout.
 */
public interface Solver extends AutoCloseable {

    /**
     * Opens a query. {@code purpose} names the rule and question (e.g. "snat-captures-tunnel-traffic: peer X tunnel 1")
     * and appears in {@link QueryResult.Unknown} messages.
     */
    SymbolicQuery<?, ?> newQuery(String purpose, Duration timeout);

    @Override
    void close();
}
