package org.vpnlint.model;

import inet.ipaddr.IPAddress;

/**
 * A static route. {@code nextHop} is set for NEXT_HOP routes, {@code interfaceName} for INTERFACE routes
 * ({@code interface-route ... next-hop-interface} before 1.4, {@code route P interface X} from 1.4).
 * {@code distance} is the administrative distance (VyOS default 1); the lowest wins among routes to the same prefix.
 * {@code table} is the routing table: 254 (main) for {@code protocols static route}, N for
 * {@code protocols static table N route} (a table that only policy routing selects).
 */
public record StaticRoute(
        IPAddress prefix,
        RouteKind kind,
        IPAddress nextHop,
        String interfaceName,
        int distance,
        SourceLocation location,
        int table) {

    public static final int MAIN_TABLE = 254;

    /** A route of the main table. */
    public StaticRoute(
            IPAddress prefix,
            RouteKind kind,
            IPAddress nextHop,
            String interfaceName,
            int distance,
            SourceLocation location) {
        this(prefix, kind, nextHop, interfaceName, distance, location, MAIN_TABLE);
    }

    public boolean inMainTable() {
        return table == MAIN_TABLE;
    }

    /** The same route in another table. */
    public StaticRoute inTable(int otherTable) {
        return new StaticRoute(prefix, kind, nextHop, interfaceName, distance, location, otherTable);
    }
}
