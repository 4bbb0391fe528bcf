package org.vpnlint.parser.dialect;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import java.util.List;
import org.vpnlint.model.AddressMatch;

/**
 * The address values VyOS accepts: {@code 192.0.2.1}, {@code 192.0.2.0/24}, {@code 192.0.2.10-192.0.2.20},
 * the same for IPv6, and in NAT/firewall rules a leading {@code !}. Parsing is strict (no inet_aton shorthands
 * such as "10.1", no wildcards), as VyOS's validators are.
 */
final class AddressSyntax {
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowPrefixOnly(false)
            .allowSingleSegment(false)
            .allowMask(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .toParams();
    static final String NOT_AN_ADDRESS = "not an IPv4 or IPv6 address, range or prefix";

    private AddressSyntax() {}

    /** A single address without prefix length: {@code 192.0.2.1}. */
    static IPAddress host(String text) throws InvalidValue {
        IPAddress address = parse(text, "not an IPv4 or IPv6 address");
        if (address.getNetworkPrefixLength() != null)
            throw new InvalidValue("a single address is expected, not a prefix");
        return address;
    }

    /** An interface address with its prefix length, host bits kept: {@code 192.0.2.1/24}. */
    static IPAddress interfaceAddress(String text) throws InvalidValue {
        IPAddress address = parse(text, "not an IPv4 or IPv6 address with a prefix length");
        if (address.getNetworkPrefixLength() == null) throw new InvalidValue("the prefix length is missing (e.g. /24)");
        return address;
    }

    /** A prefix with the host bits cleared ({@code 10.0.0.1/24} is 10.0.0.0/24); a bare address is a /32 or /128. */
    static IPAddress prefix(String text) throws InvalidValue {
        IPAddress address = parse(text, "not an IPv4 or IPv6 prefix");
        if (address.getNetworkPrefixLength() == null) return address.setPrefixLength(address.getBitCount(), false);
        return address.toPrefixBlock();
    }

    /** An address, prefix or {@code low-high} range, as the range of addresses it covers. */
    static IPAddressSeqRange range(String text) throws InvalidValue {
        int dash = text.indexOf('-');
        if (dash < 0) return parse(text, NOT_AN_ADDRESS).toPrefixBlock().toSequentialRange();
        IPAddress low = parse(text.substring(0, dash), NOT_AN_ADDRESS);
        IPAddress high = parse(text.substring(dash + 1), NOT_AN_ADDRESS);
        if (low.getNetworkPrefixLength() != null || high.getNetworkPrefixLength() != null) {
            throw new InvalidValue("a range joins two addresses, not prefixes");
        }
        if (low.getIPVersion() != high.getIPVersion()) throw new InvalidValue("a range cannot mix IPv4 and IPv6");
        IPAddressSeqRange range = low.spanWithRange(high);
        if (!range.getLower().equals(low)) throw new InvalidValue("the range starts above its end");
        return range;
    }

    /** A rule's address condition, possibly negated: {@code !192.0.2.0/24}. */
    static AddressMatch match(String text) throws InvalidValue {
        boolean negated = text.startsWith("!");
        return new AddressMatch(List.of(range(negated ? text.substring(1) : text)), negated, text);
    }

    private static IPAddress parse(String text, String reason) throws InvalidValue {
        try {
            IPAddress address = new IPAddressString(text.strip(), STRICT).toAddress();
            if (address.isMultiple() && address.getNetworkPrefixLength() == null) throw new InvalidValue(reason);
            return address;
        } catch (AddressStringException | RuntimeException e) {
            throw new InvalidValue(reason);
        }
    }
}
