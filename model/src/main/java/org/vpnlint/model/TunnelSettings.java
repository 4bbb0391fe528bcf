package org.vpnlint.model;

import inet.ipaddr.IPAddress;

/**
 * The outer endpoints of a GRE/IPIP/SIT tunnel interface ({@code local-ip}/{@code remote-ip} in 1.2,
 * {@code source-address}/{@code remote} from 1.3). Either address may be null (mGRE has no remote;
 * {@code source-interface} may replace the local address).
 */
public record TunnelSettings(
        String encapsulation, IPAddress localAddress, IPAddress remoteAddress, String sourceInterface, Integer key) {

    /** The IP protocol number the outer packets carry: 47 for the GRE family, 4 for IPIP, 41 for SIT/IPv6-in-IP. */
    public int outerProtocol() {
        return switch (encapsulation) {
            case "ipip", "ipip6" -> 4; // the inner packet is IPv4
            case "sit", "ip6ip6" -> 41; // the inner packet is IPv6
            default -> 47; // gre, gretap, ip6gre, erspan, ...
        };
    }
}
