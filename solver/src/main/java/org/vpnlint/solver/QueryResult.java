package org.vpnlint.solver;

import java.math.BigInteger;
import java.util.Map;

/** The three answers a solver can give. Unknown is reported to the user, never read as "no problem". */
public sealed interface QueryResult {

    /** The goal cannot hold (UNSAT): the property is proved. */
    record Proved() implements QueryResult {}

    /** The goal can hold; the values of the query's fresh variables (bit-vectors and booleans as 0/1). */
    record Witness(Map<String, BigInteger> values) implements QueryResult {
        public Witness {
            values = Map.copyOf(values);
        }

        public BigInteger value(String variable) {
            return values.get(variable);
        }
    }

    /** The solver gave up (timeout, resource limit); {@code reason} says which limit, for the note to the user. */
    record Unknown(String reason) implements QueryResult {}
}
