package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.Locale;

/**
 * An IKE identity as strongSwan parses it: an IP address, an FQDN ({@code @name} or a bare name), an e-mail style
 * {@code user@host}, a distinguished name, or {@code %any} which matches every identity. Matching follows
 * strongSwan's {@code identification_t.matches}: equal type and value, or the other side is {@code %any}
 * (docs/semantics/strongswan.md#identity-matching).
 */
public record IkeIdentity(Type type, String value) {

    public enum Type {
        ANY,
        ADDRESS,
        FQDN,
        EMAIL,
        DISTINGUISHED_NAME
    }

    public static final IkeIdentity ANY = new IkeIdentity(Type.ANY, "%any");

    /**
     * Parses an identity as written in a VyOS configuration (local-id, remote-id, {@code @id} peer, PSK id) the way
     * strongSwan does: only {@code %any}, {@code 0.0.0.0} and {@code ::} are wildcards; a bare {@code any} is an FQDN.
     */
    public static IkeIdentity parse(String written) {
        String text = written.strip();
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.isEmpty() || text.equals("%any") || text.equals("0.0.0.0") || text.equals("::")) {
            return ANY;
        }
        if (text.startsWith("@")) {
            // strongSwan: a leading @ forces an FQDN identity and is not part of the value.
            return new IkeIdentity(Type.FQDN, text.substring(1).toLowerCase(Locale.ROOT));
        }
        IPAddress address = new IPAddressString(text).getAddress();
        if (address != null && !address.isPrefixed()) {
            return ofAddress(address);
        }
        if (text.contains("=")) {
            return new IkeIdentity(Type.DISTINGUISHED_NAME, text);
        }
        if (text.contains("@")) {
            return new IkeIdentity(Type.EMAIL, text);
        }
        return new IkeIdentity(Type.FQDN, text.toLowerCase(Locale.ROOT));
    }

    public static IkeIdentity ofAddress(IPAddress address) {
        return new IkeIdentity(Type.ADDRESS, address.withoutPrefixLength().toCanonicalString());
    }

    /**
     * Whether {@code this}, the identity a peer presents, is accepted where {@code accepted} is configured, as
     * strongSwan decides it: {@code %any} accepts everything, otherwise type and value must be equal.
     */
    public boolean satisfies(IkeIdentity accepted) {
        return accepted.type == Type.ANY || equals(accepted);
    }

    public boolean isAny() {
        return type == Type.ANY;
    }

    /** The address when this is an address identity, else null. */
    public IPAddress address() {
        return type == Type.ADDRESS ? new IPAddressString(value).getAddress() : null;
    }

    /** The identity as strongSwan logs it, e.g. {@code 10.1.0.2}, {@code branch.example}, {@code %any}. */
    @Override
    public String toString() {
        return value;
    }

    /** A short description for messages, e.g. {@code the address 10.1.0.2} or {@code the FQDN @branch}. */
    public String describe() {
        return switch (type) {
            case ANY -> "any identity (%any)";
            case ADDRESS -> "the address " + value;
            case FQDN -> "the FQDN @" + value;
            case EMAIL -> "the e-mail identity " + value;
            case DISTINGUISHED_NAME -> "the DN \"" + value + "\"";
        };
    }
}
