package org.vpnlint.model;

import java.util.List;

/**
 * One rule of a {@link PolicyRoute}.
 *
 * @param table          the routing table for {@link PolicyRouteAction#SET_TABLE} (254 is main), otherwise 0
 * @param mark           the firewall mark for {@link PolicyRouteAction#SET_MARK}, otherwise 0
 * @param path           the configuration path, e.g. {@code policy route WAN2 rule 10}
 * @param approximations where the rule was read inexactly (empty: exactly as written)
 */
public record PolicyRouteRule(
        int number,
        PacketMatch match,
        PolicyRouteAction action,
        int table,
        long mark,
        boolean disabled,
        String path,
        SourceLocation location,
        List<Approximation> approximations) {

    /** The main table's number ({@code set table main}). */
    public static final int MAIN_TABLE = 254;

    public PolicyRouteRule {
        approximations = approximations == null ? List.of() : List.copyOf(approximations);
    }

    /** A rule read exactly as written. */
    public PolicyRouteRule(
            int number,
            PacketMatch match,
            PolicyRouteAction action,
            int table,
            long mark,
            boolean disabled,
            String path,
            SourceLocation location) {
        this(number, match, action, table, mark, disabled, path, location, List.of());
    }

    /**
     * Whether the data path evaluates it: a rule that only sets a mark changes no route (no ip rule VyOS installs
     * looks at such a mark), and one whose action could not be read is let pass like it.
     */
    public boolean steers() {
        return !disabled && action != PolicyRouteAction.SET_MARK && action != PolicyRouteAction.UNKNOWN;
    }

    /** Where the data path reads this rule inexactly: the parser's approximations and the conditions it has no field for. */
    public List<Approximation> datapathApproximations() {
        return Approximation.inDatapath(approximations, match, location);
    }

    /** How the rule reads in a trace: {@code policy route WAN2 rule 10 (table 10)}. */
    public String label() {
        String what = switch (action) {
            case SET_TABLE -> table == MAIN_TABLE ? "table main" : "table " + table;
            case SET_MARK -> "mark " + mark;
            case DROP -> "drop";
            case ACCEPT -> "accept";
            case UNKNOWN -> "action not read";
            case LOAD_BALANCE -> "load balancing";
        };
        return path + " (" + what + ")";
    }
}
