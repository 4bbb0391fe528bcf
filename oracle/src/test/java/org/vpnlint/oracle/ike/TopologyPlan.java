package org.vpnlint.oracle.ike;

/**
 * Addresses of the three-namespace topology: left ── nat ── right. A side without NAT owns its public address
 * (left 198.51.100.2, right 203.0.113.2) on a link to the NAT namespace, which then only routes. A side behind
 * NAT has a private address (left 10.1.0.2, right 10.2.0.2) and the NAT namespace maps it to the same public
 * address: 1:1 (SNAT out + DNAT in) or masquerade (SNAT out only, nothing forwarded inbound).
 */
record TopologyPlan(NatKind left, NatKind right) {

    static final String LEFT_PUBLIC = "198.51.100.2";
    static final String RIGHT_PUBLIC = "203.0.113.2";
    static final String LEFT_PRIVATE = "10.1.0.2";
    static final String RIGHT_PRIVATE = "10.2.0.2";

    String leftAddress() {
        return left == NatKind.NONE ? LEFT_PUBLIC : LEFT_PRIVATE;
    }

    String rightAddress() {
        return right == NatKind.NONE ? RIGHT_PUBLIC : RIGHT_PRIVATE;
    }

    String leftGateway() {
        return left == NatKind.NONE ? "198.51.100.1" : "10.1.0.1";
    }

    String rightGateway() {
        return right == NatKind.NONE ? "203.0.113.1" : "10.2.0.1";
    }
}
