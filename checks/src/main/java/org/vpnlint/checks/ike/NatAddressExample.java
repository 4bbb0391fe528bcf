package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.SymbolicAlgebra;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Asks the solver for a public IPv4 address a NAT could show that none of the given addresses equals, to make a
 * finding about an unknown NAT address concrete ("e.g. when the NAT shows 198.51.100.9"). The address is a 32-bit
 * variable constrained to lie outside private, CGNAT, loopback, link-local, multicast and reserved space.
 */
public final class NatAddressExample {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String VARIABLE = "natPublicAddress";
    private static final String[] NOT_PUBLIC = {"0.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "224.0.0.0/3"};

    private NatAddressExample() {}

    /** The example, or null when the solver gives up (the message then states the condition without one). */
    public static IPAddress outside(Collection<IPAddress> named, RuleContext context) {
        try (SymbolicQuery<?, ?> query =
                context.solver().newQuery("ike-id-mismatch-behind-nat: NAT public address", TIMEOUT)) {
            return solve(query, named);
        }
    }

    private static <B, V> IPAddress solve(SymbolicQuery<B, V> query, Collection<IPAddress> named) {
        SymbolicAlgebra<B, V> algebra = query.algebra();
        V address = algebra.freshBits(VARIABLE, 32);
        for (IPAddress range : AddressScope.nonPublicRanges()) {
            if (range.isIPv4()) query.require(algebra.not(inRange(algebra, address, range)));
        }
        for (String text : NOT_PUBLIC) {
            query.require(algebra.not(inRange(algebra, address, new IPAddressString(text).getAddress())));
        }
        for (IPAddress excluded : named) {
            if (excluded.isIPv4())
                query.require(algebra.not(algebra.eq(address, algebra.bits(excluded.getValue(), 32))));
        }
        QueryResult result = query.check(algebra.bool(true));
        if (result instanceof QueryResult.Witness witness) {
            BigInteger value = witness.value(VARIABLE);
            return value == null ? null : new IPAddressString(ipv4(value)).getAddress();
        }
        return null;
    }

    private static <B, V> B inRange(SymbolicAlgebra<B, V> algebra, V address, IPAddress prefix) {
        IPAddress block = prefix.toPrefixBlock();
        return algebra.between(
                address,
                algebra.bits(block.getLower().getValue(), 32),
                algebra.bits(block.getUpper().getValue(), 32));
    }

    private static String ipv4(BigInteger value) {
        long v = value.longValue();
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }
}
