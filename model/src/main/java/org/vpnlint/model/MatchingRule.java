package org.vpnlint.model;

import java.util.List;

/**
 * A configured rule that acts on the packets its conditions match: a firewall rule or a NAT rule. Both are read the
 * same way: the conditions, the node they were read from, and where that reading is not exactly what the file says.
 */
public interface MatchingRule {

    PacketMatch match();

    SourceLocation location();

    /** Where the parser read the rule inexactly (empty: exactly as written). */
    List<Approximation> approximations();

    /** Where the data path reads this rule inexactly: the parser's approximations and the conditions it has no field for. */
    default List<Approximation> datapathApproximations() {
        return Approximation.inDatapath(approximations(), match(), location());
    }
}
