package org.vpnlint.oracle;

/**
 * The selector of an XFRM policy: source and destination prefixes, optionally narrowed to one protocol and ports.
 *
 * @param source          source prefix, e.g. 192.168.10.0/24
 * @param destination     destination prefix
 * @param protocol        the protocol, or null for any
 * @param sourcePort      source port, 0 for any (only with TCP/UDP)
 * @param destinationPort destination port, 0 for any (only with TCP/UDP)
 */
public record TrafficSelector(
        String source, String destination, IpProtocol protocol, int sourcePort, int destinationPort) {

    public TrafficSelector {
        Ipv4Prefix.parse(source);
        Ipv4Prefix.parse(destination);
        boolean portsGiven = sourcePort != 0 || destinationPort != 0;
        if (portsGiven && (protocol == null || !protocol.hasPorts())) {
            throw new IllegalArgumentException("ports in a selector need TCP or UDP");
        }
    }

    public static TrafficSelector between(String source, String destination) {
        return new TrafficSelector(source, destination, null, 0, 0);
    }

    public TrafficSelector onlyProtocol(IpProtocol onlyProtocol) {
        return new TrafficSelector(source, destination, onlyProtocol, sourcePort, destinationPort);
    }

    /** The kernel's xfrm_selector_match for IPv4, applied to a header we observed. */
    public boolean contains(PacketHeader header) {
        return Ipv4Prefix.parse(source).contains(header.source())
                && Ipv4Prefix.parse(destination).contains(header.destination())
                && (protocol == null || protocol == header.protocol())
                && (sourcePort == 0 || sourcePort == header.sourcePort())
                && (destinationPort == 0 || destinationPort == header.destinationPort());
    }

    /** The selector in {@code ip xfrm policy} syntax. */
    String toIpArguments() {
        StringBuilder text =
                new StringBuilder("src ").append(source).append(" dst ").append(destination);
        if (protocol != null) {
            text.append(" proto ").append(protocol.keyword());
        }
        if (sourcePort != 0) {
            text.append(" sport ").append(sourcePort);
        }
        if (destinationPort != 0) {
            text.append(" dport ").append(destinationPort);
        }
        return text.toString();
    }
}
