package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import org.vpnlint.model.SourceLocation;

/**
 * One route the kernel may use, in lookup order (local table, table 220 of strongSwan, main table).
 *
 * @param egress      interface index for FORWARD routes, 0 otherwise
 * @param via         how it forwards, for traces ("via 203.0.113.1 dev eth0")
 * @param origin      where it comes from ("connected", "static route", "strongSwan table 220 for tunnel 1 ...")
 * @param tunnelIndex the tunnel whose state decides whether the route exists, 0 for a permanent route
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
        Presence presence) {

    public enum Kind {
        LOCAL,
        FORWARD,
        BLACKHOLE,
        REJECT
    }

    public enum Table {
        LOCAL,
        IPSEC,
        MAIN
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
