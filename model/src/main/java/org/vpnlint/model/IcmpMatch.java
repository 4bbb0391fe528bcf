package org.vpnlint.model;

/**
 * An ICMP or ICMPv6 type condition ({@code icmp type-name echo-request}, {@code icmpv6 type 135},
 * {@code icmp type 3 code 3}); {@code code} null matches every code of the type.
 *
 * @param text the condition as the file writes it, for messages
 */
public record IcmpMatch(int type, Integer code, String text) {

    /** Whether every packet this condition matches is matched by {@code other} too. */
    public boolean within(IcmpMatch other) {
        return type == other.type && (other.code == null || other.code.equals(code));
    }
}
