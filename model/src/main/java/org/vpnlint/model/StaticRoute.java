package org.vpnlint.model;

import inet.ipaddr.IPAddress;

/**
 * A static route. {@code nextHop} is set for NEXT_HOP routes, {@code interfaceName} for INTERFACE routes
 * ({@code interface-route ... next-hop-interface} before 1.4, {@code route P interface X} from 1.4).
 * {@code distance} is the administrative distance (VyOS default 1); the lowest wins among routes to the same prefix.
 */
public record StaticRoute(
        IPAddress prefix,
        RouteKind kind,
        IPAddress nextHop,
        String interfaceName,
        int distance,
        SourceLocation location) {}
