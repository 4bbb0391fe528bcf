package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import org.vpnlint.model.ProtocolMatch;

/**
 * One packet to replay: its header as it enters the router and where it enters. Ports are ignored (stored as 0)
 * for protocols other than TCP and UDP. Both addresses must be of the same family. {@code wan} is the WAN a load
 * balancer chose for the packet's connection (docs/semantics/wan-load-balancing.md), null when none did: the first
 * WAN of the group then.
 */
public record ConcretePacket(
        IPAddress src, IPAddress dst, int protocol, int srcPort, int dstPort, Ingress ingress, String wan) {

    /** A packet no load balancer chose a WAN for. */
    public ConcretePacket(IPAddress src, IPAddress dst, int protocol, int srcPort, int dstPort, Ingress ingress) {
        this(src, dst, protocol, srcPort, dstPort, ingress, null);
    }

    public ConcretePacket {
        src = src.withoutPrefixLength();
        dst = dst.withoutPrefixLength();
        if (src.getIPVersion() != dst.getIPVersion()) {
            throw new IllegalArgumentException("source " + src + " and destination " + dst + " differ in family");
        }
        if (protocol < 0 || protocol > 255) throw new IllegalArgumentException("protocol out of range: " + protocol);
        boolean ported = protocol == ProtocolMatch.TCP || protocol == ProtocolMatch.UDP;
        if (ported && (srcPort < 0 || srcPort > 65535 || dstPort < 0 || dstPort > 65535)) {
            throw new IllegalArgumentException("port out of range: " + srcPort + ", " + dstPort);
        }
        if (!ported) {
            srcPort = 0;
            dstPort = 0;
        }
    }

    public static ConcretePacket udp(String src, int srcPort, String dst, int dstPort, Ingress ingress) {
        return new ConcretePacket(address(src), address(dst), ProtocolMatch.UDP, srcPort, dstPort, ingress);
    }

    public static ConcretePacket tcp(String src, int srcPort, String dst, int dstPort, Ingress ingress) {
        return new ConcretePacket(address(src), address(dst), ProtocolMatch.TCP, srcPort, dstPort, ingress);
    }

    /** A packet without ports (GRE, ICMP, ESP, ...). */
    public static ConcretePacket of(String src, String dst, int protocol, Ingress ingress) {
        return new ConcretePacket(address(src), address(dst), protocol, 0, 0, ingress);
    }

    /** The same packet, its connection balanced to this WAN. */
    public ConcretePacket balancedTo(String otherWan) {
        return new ConcretePacket(src, dst, protocol, srcPort, dstPort, ingress, otherWan);
    }

    public AddressFamily family() {
        return AddressFamily.of(src);
    }

    public ConcreteHeader header() {
        return new ConcreteHeader(src, dst, protocol, srcPort, dstPort);
    }

    public static IPAddress address(String text) {
        IPAddress address = new IPAddressString(text).getAddress();
        if (address == null) throw new IllegalArgumentException("not an IP address: " + text);
        return address;
    }

    @Override
    public String toString() {
        return header()
                + (ingress.kind() == Ingress.Kind.LOCAL ? " sent by the router" : " arriving on " + ingress)
                + (wan == null ? "" : " (its connection balanced to " + wan + ")");
    }
}
