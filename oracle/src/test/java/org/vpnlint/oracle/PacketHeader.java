package org.vpnlint.oracle;

/**
 * The part of an IPv4 header the datapath decides on. Ports are 0 for protocols without ports; for ICMP echo the
 * source port field carries the echo identifier (which is what conntrack and NAT treat as its "port").
 */
public record PacketHeader(
        IpProtocol protocol, String source, String destination, int sourcePort, int destinationPort) {

    public PacketHeader {
        Ipv4Prefix.parse(source);
        Ipv4Prefix.parse(destination);
        if (sourcePort < 0 || sourcePort > 65535 || destinationPort < 0 || destinationPort > 65535) {
            throw new IllegalArgumentException("port out of range in " + source + " -> " + destination);
        }
    }

    public static PacketHeader udp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(IpProtocol.UDP, source, destination, sourcePort, destinationPort);
    }

    public static PacketHeader tcp(String source, int sourcePort, String destination, int destinationPort) {
        return new PacketHeader(IpProtocol.TCP, source, destination, sourcePort, destinationPort);
    }

    public static PacketHeader icmpEcho(String source, String destination, int identifier) {
        return new PacketHeader(IpProtocol.ICMP, source, destination, identifier, 0);
    }

    public static PacketHeader gre(String source, String destination) {
        return new PacketHeader(IpProtocol.GRE, source, destination, 0, 0);
    }

    /** The same header with ports dropped: what is left comparable when an observer recorded no ports. */
    public PacketHeader withoutPorts() {
        return new PacketHeader(protocol, source, destination, 0, 0);
    }

    @Override
    public String toString() {
        return protocol.hasPorts()
                ? protocol.keyword() + " " + source + ":" + sourcePort + " -> " + destination + ":" + destinationPort
                : protocol.keyword() + " " + source + " -> " + destination;
    }
}
