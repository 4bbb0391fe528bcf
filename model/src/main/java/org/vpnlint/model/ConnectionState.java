package org.vpnlint.model;

/** Conntrack states a firewall rule can match. The first packet of a flow is NEW. */
public enum ConnectionState {
    NEW,
    ESTABLISHED,
    RELATED,
    INVALID
}
