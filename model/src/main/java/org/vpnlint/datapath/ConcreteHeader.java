package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import org.vpnlint.model.ProtocolMatch;

/**
 * A header with known values. Ports are 0 for protocols without ports. An address equal to the family's
 * unknown marker (0.0.0.0, ::) is printed as {@code <dynamic address>}.
 */
public record ConcreteHeader(IPAddress src, IPAddress dst, int protocol, int srcPort, int dstPort) {

    public static ConcreteHeader of(Header<ConcreteBits> header, AddressFamily family) {
        return new ConcreteHeader(
                family.addressOf(header.src().value()),
                family.addressOf(header.dst().value()),
                header.protocol().intValue(),
                header.srcPort().intValue(),
                header.dstPort().intValue());
    }

    public AddressFamily family() {
        return AddressFamily.of(src);
    }

    public boolean hasPorts() {
        return protocol == ProtocolMatch.TCP || protocol == ProtocolMatch.UDP;
    }

    public String srcText() {
        return family().format(family().valueOf(src));
    }

    public String dstText() {
        return family().format(family().valueOf(dst));
    }

    /** E.g. {@code udp 192.168.10.100:40000 → 10.10.10.200:5555}, {@code gre 10.10.0.1 → 10.10.0.2}. */
    @Override
    public String toString() {
        String name = ProtocolMatch.name(protocol);
        if (!hasPorts()) return name + " " + srcText() + " → " + dstText();
        return name + " " + endpoint(srcText(), srcPort) + " → " + endpoint(dstText(), dstPort);
    }

    private String endpoint(String address, int port) {
        return family() == AddressFamily.IPV6 ? "[" + address + "]:" + port : address + ":" + port;
    }
}
