package org.vpnlint.oracle;

/** An IPv4 prefix such as 10.10.10.0/24; a bare address means /32. Only used to read selectors back. */
public record Ipv4Prefix(int network, int length) {

    public Ipv4Prefix {
        if (length < 0 || length > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + length);
        }
        network &= mask(length);
    }

    public static Ipv4Prefix parse(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        int length = slash < 0 ? 32 : Integer.parseInt(text.substring(slash + 1));
        String[] octets = address.split("\\.", -1);
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        int value = 0;
        for (String octet : octets) {
            int part = Integer.parseInt(octet);
            if (part < 0 || part > 255) {
                throw new IllegalArgumentException("not an IPv4 address: " + text);
            }
            value = (value << 8) | part;
        }
        return new Ipv4Prefix(value, length);
    }

    public boolean contains(String address) {
        return (parse(address).network & mask(length)) == network;
    }

    private static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    @Override
    public String toString() {
        return ((network >>> 24) & 255) + "." + ((network >>> 16) & 255) + "." + ((network >>> 8) & 255) + "."
                + (network & 255) + "/" + length;
    }
}
