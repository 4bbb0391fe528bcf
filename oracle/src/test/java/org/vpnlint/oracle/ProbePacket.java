package org.vpnlint.oracle;

/**
 * The one packet a scenario sends: its header as it leaves the sending socket, and the namespace it leaves from.
 * The source address must be configured in that namespace (the sender binds to it).
 */
public record ProbePacket(Origin origin, PacketHeader header) {

    public ProbePacket {
        boolean portsGiven = header.sourcePort() != 0 || header.destinationPort() != 0;
        if (header.protocol().hasPorts() && (header.sourcePort() == 0 || header.destinationPort() == 0)) {
            throw new IllegalArgumentException(
                    "a " + header.protocol().keyword() + " probe needs both ports: " + header);
        }
        if (header.protocol() == IpProtocol.GRE && portsGiven) {
            throw new IllegalArgumentException("GRE has no ports: " + header);
        }
        if (header.protocol() == IpProtocol.ICMP && header.destinationPort() != 0) {
            throw new IllegalArgumentException("an ICMP echo carries only an identifier (source port): " + header);
        }
    }

    public static ProbePacket fromLan(PacketHeader header) {
        return new ProbePacket(Origin.LAN, header);
    }

    public static ProbePacket fromRouter(PacketHeader header) {
        return new ProbePacket(Origin.ROUTER, header);
    }

    public static ProbePacket fromWan(PacketHeader header) {
        return new ProbePacket(Origin.WAN, header);
    }
}
