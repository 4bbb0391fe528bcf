package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;

/**
 * What stands between a router and its IPsec partner: nothing, a 1:1 NAT (inbound connections to the public
 * address reach the router) or a masquerading NAT (only connections the router opens get through).
 * {@code publicAddress} is null when the NAT's public address is unknown; rules then reason about every possible
 * address. {@code reason} says how vpnlint knows, for messages.
 */
public record NatInFront(Kind kind, IPAddress publicAddress, Origin origin, String reason) {

    public enum Kind {
        NONE,
        ONE_TO_ONE,
        MASQUERADE
    }

    public enum Origin {
        NONE,
        DECLARED,
        INFERRED
    }

    public static final NatInFront NONE = new NatInFront(Kind.NONE, null, Origin.NONE, "no NAT");

    public boolean present() {
        return kind != Kind.NONE;
    }

    public boolean publicAddressKnown() {
        return publicAddress != null;
    }

    /** Whether IKE sent to this router from outside reaches it: no NAT, or a 1:1 NAT that forwards inbound. */
    public boolean acceptsInbound() {
        return kind != Kind.MASQUERADE;
    }

    public String describe() {
        return switch (kind) {
            case NONE -> "no NAT";
            case ONE_TO_ONE -> "1:1 NAT" + publicPart();
            case MASQUERADE -> "masquerading NAT" + publicPart();
        };
    }

    private String publicPart() {
        return publicAddress == null ? " (public address unknown)" : " to " + publicAddress.toCanonicalString();
    }
}
