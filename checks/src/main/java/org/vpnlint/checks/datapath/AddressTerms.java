package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.List;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.HeaderAlgebra;

/** Address conditions over the header algebra: inside a prefix, equal to a host. */
public final class AddressTerms {

    private AddressTerms() {}

    /** {@code (address & mask) == network}. */
    public static <B, V> B inPrefix(HeaderAlgebra<B, V> algebra, AddressFamily family, V address, IPAddress prefix) {
        int width = family.width();
        Integer length = prefix.getNetworkPrefixLength();
        int bits = length == null ? width : length;
        BigInteger all = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger mask = all.xor(BigInteger.ONE.shiftLeft(width - bits).subtract(BigInteger.ONE));
        BigInteger network = family.valueOf(prefix.toPrefixBlock().getLower()).and(mask);
        return algebra.eq(algebra.bitAnd(address, algebra.bits(mask, width)), algebra.bits(network, width));
    }

    static <B, V> B inAnyPrefix(
            HeaderAlgebra<B, V> algebra, AddressFamily family, V address, List<IPAddress> prefixes) {
        B any = algebra.bool(false);
        for (IPAddress prefix : prefixes) any = algebra.or(any, inPrefix(algebra, family, address, prefix));
        return any;
    }

    public static <B, V> B is(HeaderAlgebra<B, V> algebra, AddressFamily family, V address, IPAddress host) {
        return algebra.eq(address, algebra.bits(family.valueOf(host.withoutPrefixLength()), family.width()));
    }

    /**
     * A readable host of a prefix: the network address plus {@code offset} (e.g. .100 or .200) when the prefix is
     * large enough, else its first host, else the address itself (a /32).
     */
    public static IPAddress host(AddressFamily family, IPAddress prefix, int offset) {
        IPAddress block = prefix.getNetworkPrefixLength() == null ? prefix : prefix.toPrefixBlock();
        BigInteger size = block.getCount();
        BigInteger base = family.valueOf(block.getLower());
        BigInteger wanted = BigInteger.valueOf(offset);
        BigInteger chosen;
        if (wanted.compareTo(size.subtract(BigInteger.ONE)) < 0) chosen = wanted;
        else if (size.compareTo(BigInteger.TWO) > 0) chosen = BigInteger.ONE;
        else chosen = BigInteger.ZERO;
        return family.addressOf(base.add(chosen));
    }
}
