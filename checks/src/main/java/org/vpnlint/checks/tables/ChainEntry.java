package org.vpnlint.checks.tables;

import java.util.List;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.DetailMatch;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.MatchingRule;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.SourceLocation;

/**
 * One rule of a chain as the shadowing question sees it: a filter rule or a NAT rule, how messages name it
 * ("rule 10 of WAN_IN", "nat source rule 10"), and whether a packet it matches stops there.
 */
sealed interface ChainEntry {

    /** The rule as configured. */
    MatchingRule rule();

    String label();

    default SourceLocation location() {
        return rule().location();
    }

    /** Whether the user wrote the rule (not one the system inserts, such as EdgeOS auto-firewall-nat-exclude). */
    boolean configured();

    /** A matching packet goes no further in this chain (accept, drop, reject, return; every NAT rule). */
    boolean terminal();

    /** What the rule does, for messages: "accept", "drop", "masquerade", "exclude", "translate to 192.0.2.1". */
    String action();

    /** Where the parser read the rule inexactly (empty: as written). */
    default List<Approximation> approximations() {
        return rule().approximations();
    }

    /** The rule's ICMP type and TCP flags conditions, which the boxes and the solver's packet do not carry. */
    default DetailMatch details() {
        return rule().match().details();
    }

    /** Whether some condition of the rule was dropped or read as "any": it may match less than it is read to. */
    default boolean readWider() {
        return approximations().stream().anyMatch(Approximation::wider);
    }

    /** Whether the rule was read matching less than it does. */
    default boolean readNarrower() {
        return approximations().stream().anyMatch(Approximation::narrower);
    }

    record Filter(FirewallRule rule, String label, String action) implements ChainEntry {
        @Override
        public boolean configured() {
            return rule.location() != null;
        }

        @Override
        public boolean terminal() {
            return switch (rule.action()) {
                case ACCEPT, DROP, REJECT, RETURN -> true;
                case JUMP, CONTINUE -> false; // the packet may come back and go on
            };
        }
    }

    record Nat(NatRule rule, String label, String action, boolean configured) implements ChainEntry {
        @Override
        public boolean terminal() {
            return true; // the first matching NAT rule decides, exclude included
        }
    }
}
