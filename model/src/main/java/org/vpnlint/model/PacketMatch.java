package org.vpnlint.model;

/**
 * The header conditions shared by NAT and firewall rules. {@code details} are the conditions on fields the data
 * path does not carry (ICMP type, TCP flags; see {@link DetailMatch}).
 */
public record PacketMatch(
        AddressMatch source,
        AddressMatch destination,
        ProtocolMatch protocol,
        PortMatch sourcePort,
        PortMatch destinationPort,
        DetailMatch details) {

    public static final PacketMatch ANY =
            new PacketMatch(AddressMatch.ANY, AddressMatch.ANY, ProtocolMatch.ANY, PortMatch.ANY, PortMatch.ANY);

    public PacketMatch {
        if (details == null) details = DetailMatch.ANY;
    }

    public PacketMatch(
            AddressMatch source,
            AddressMatch destination,
            ProtocolMatch protocol,
            PortMatch sourcePort,
            PortMatch destinationPort) {
        this(source, destination, protocol, sourcePort, destinationPort, DetailMatch.ANY);
    }
}
