package org.vpnlint.model;

/** How a static route forwards: via a gateway, out of an interface, or by discarding. */
public enum RouteKind {
    NEXT_HOP,
    INTERFACE,
    BLACKHOLE,
    REJECT
}
