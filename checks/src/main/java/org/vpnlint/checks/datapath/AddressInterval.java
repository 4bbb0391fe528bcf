package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;

/**
 * One range of addresses as numbers, so that the many comparisons a large router needs are cheap. Ranges of
 * different IP versions are never compared: callers treat that as "may overlap".
 */
record AddressInterval(boolean ipv4, BigInteger low, BigInteger high) {

    static AddressInterval of(IPAddressSeqRange range) {
        return new AddressInterval(
                range.getLower().isIPv4(),
                range.getLower().getValue(),
                range.getUpper().getValue());
    }

    /** A prefix's whole block, or a single address. */
    static AddressInterval of(IPAddress address) {
        IPAddress block = address.toPrefixBlock();
        return new AddressInterval(
                block.isIPv4(), block.getLower().getValue(), block.getUpper().getValue());
    }

    boolean overlaps(AddressInterval other) {
        return low.compareTo(other.high) <= 0 && other.low.compareTo(high) <= 0;
    }

    boolean contains(AddressInterval other) {
        return low.compareTo(other.low) <= 0 && other.high.compareTo(high) <= 0;
    }

    /** The number of bits needed for the size of the range minus one: ranges of one class differ in size at most 2×. */
    int sizeClass() {
        return high.subtract(low).bitLength();
    }
}
