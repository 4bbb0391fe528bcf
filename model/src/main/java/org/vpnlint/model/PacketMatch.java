package org.vpnlint.model;

/** The header conditions shared by NAT and firewall rules. */
public record PacketMatch(
        AddressMatch source,
        AddressMatch destination,
        ProtocolMatch protocol,
        PortMatch sourcePort,
        PortMatch destinationPort) {

    public static final PacketMatch ANY =
            new PacketMatch(AddressMatch.ANY, AddressMatch.ANY, ProtocolMatch.ANY, PortMatch.ANY, PortMatch.ANY);
}
