package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import org.vpnlint.model.SourceLocation;

/**
 * One route the kernel may use, in lookup order: the local table (ip rule pref 0), the tables policy routing
 * selects (pref = table number, VyOS) and strongSwan's table 220 (pref 220) in preference order, then main.
 *
 * @param egress      interface index for FORWARD routes, 0 otherwise
 * @param via         how it forwards, for traces ("via 203.0.113.1 dev eth0")
 * @param origin      where it comes from ("connected", "static route", "strongSwan table 220 for tunnel 1 ...")
 * @param tunnelIndex the tunnel whose state decides whether the route exists, 0 for a permanent route
 * @param policyTable for {@link Table#POLICY}: the table number, which only packets marked for it look up
 */
public record RouteEntry(
        IPAddress prefix,
        Kind kind,
        int egress,
        String via,
        int distance,
        Table table,
        String origin,
        SourceLocation location,
        int tunnelIndex,
        Presence presence,
        int policyTable) {

    /** A route of the local, table-220 or main table. */
    public RouteEntry(
            IPAddress prefix,
            Kind kind,
            int egress,
            String via,
            int distance,
            Table table,
            String origin,
            SourceLocation location,
            int tunnelIndex,
            Presence presence) {
        this(prefix, kind, egress, via, distance, table, origin, location, tunnelIndex, presence, 0);
    }

    public enum Kind {
        LOCAL,
        FORWARD,
        BLACKHOLE,
        REJECT
    }

    public enum Table {
        LOCAL,
        IPSEC,
        MAIN,
        /** {@code protocols static table N}: looked up only by packets policy routing marked for table N. */
        POLICY
    }

    /** When the route exists: always, while the tunnel's policies exist (table 220), or while its SA is up (VTI). */
    public enum Presence {
        ALWAYS,
        WHILE_POLICIES,
        WHILE_SA_UP
    }

    /** Whether the route exists in these SA states: the concrete form of the pipeline's route presence. */
    public boolean presentIn(CompiledRouter router, SaStates states) {
        return switch (presence) {
            case ALWAYS -> true;
            case WHILE_POLICIES -> {
                CompiledTunnel tunnel = router.tunnelAt(tunnelIndex);
                yield states.isUp(tunnel.ref()) || tunnel.lifecycle().policiesSurviveDown();
            }
            case WHILE_SA_UP -> states.isUp(router.tunnelAt(tunnelIndex).ref());
        };
    }

    public String describe() {
        String where = location == null ? origin : origin + ", " + location;
        return prefix.toCompressedString() + " " + via + " (" + where + ")";
    }
}
