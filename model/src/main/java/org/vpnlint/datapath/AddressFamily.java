package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.math.BigInteger;

/**
 * IPv4 or IPv6. One evaluation of the pipeline handles one family: addresses are bit-vectors of
 * {@link #width()} bits.
 *
 * <p>The unspecified address (0.0.0.0, ::) stands for an address the configuration does not fix: the address
 * a DHCP or PPPoE interface will get, used by masquerade or as an IKE endpoint with {@code local-address any}.
 * It is never a valid source on the wire, so it cannot be confused with a configured address.
 */
public enum AddressFamily {
    IPV4(32),
    IPV6(128);

    private final int width;

    AddressFamily(int width) {
        this.width = width;
    }

    public int width() {
        return width;
    }

    public static AddressFamily of(IPAddress address) {
        return address.isIPv4() ? IPV4 : IPV6;
    }

    public boolean contains(IPAddress address) {
        return address != null && of(address) == this;
    }

    /** The marker value for an address that only the running router knows (see the class comment). */
    public BigInteger unknownAddress() {
        return BigInteger.ZERO;
    }

    public boolean isUnknown(BigInteger value) {
        return value.signum() == 0;
    }

    public BigInteger valueOf(IPAddress address) {
        if (!contains(address)) throw new IllegalArgumentException(address + " is not " + this);
        return address.withoutPrefixLength().getValue();
    }

    public IPAddress addressOf(BigInteger value) {
        return this == IPV4 ? new IPv4Address(value.intValue()) : new IPv6Address(value);
    }

    /** The address as text, or {@code <dynamic address>} for the unknown marker. */
    public String format(BigInteger value) {
        return isUnknown(value) ? "<dynamic address>" : addressOf(value).toCompressedString();
    }
}
