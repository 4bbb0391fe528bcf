package org.vpnlint.oracle.ike;

/** What the NAT namespace does for one side: nothing (the side has a public address), 1:1, or masquerade. */
enum NatKind {
    NONE,
    ONE_TO_ONE,
    MASQUERADE
}
