package org.vpnlint.model;

/**
 * One rule of a {@link PolicyRoute}.
 *
 * @param table the routing table for {@link PolicyRouteAction#SET_TABLE} (254 is main), otherwise 0
 * @param mark  the firewall mark for {@link PolicyRouteAction#SET_MARK}, otherwise 0
 * @param path  the configuration path, e.g. {@code policy route WAN2 rule 10}
 */
public record PolicyRouteRule(
        int number,
        PacketMatch match,
        PolicyRouteAction action,
        int table,
        long mark,
        boolean disabled,
        String path,
        SourceLocation location) {

    /** The main table's number ({@code set table main}). */
    public static final int MAIN_TABLE = 254;

    /** How the rule reads in a trace: {@code policy route WAN2 rule 10 (table 10)}. */
    public String label() {
        String what = switch (action) {
            case SET_TABLE -> table == MAIN_TABLE ? "table main" : "table " + table;
            case SET_MARK -> "mark " + mark;
            case DROP -> "drop";
            case ACCEPT -> "accept";
            case LOAD_BALANCE -> "load balancing";
        };
        return path + " (" + what + ")";
    }
}
