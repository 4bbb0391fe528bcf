package org.vpnlint.model;

/** Source NAT runs in POSTROUTING (matched on the outbound interface), destination NAT in PREROUTING and OUTPUT. */
public enum NatDirection {
    SOURCE,
    DESTINATION
}
