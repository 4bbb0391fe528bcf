package org.vpnlint.model;

import java.util.List;

/**
 * {@code protocols nhrp tunnel tunN}: the NHRP settings of a multipoint GRE tunnel. A tunnel with static
 * {@code map}s (or {@code dynamic-map}s) is a spoke, which registers with the hubs the maps name; one without is a
 * hub, which learns its spokes from their registrations. {@code dynamicMapDomains} are the DNS names of
 * {@code dynamic-map ... nbma-domain-name}, whose addresses are only known at run time.
 */
public record NhrpTunnel(
        String interfaceName,
        List<NhrpMap> maps,
        List<String> dynamicMapDomains,
        String path,
        SourceLocation location) {

    public NhrpTunnel {
        maps = List.copyOf(maps);
        dynamicMapDomains = List.copyOf(dynamicMapDomains);
    }

    /** Whether this end registers with hubs it names (opennhrp's "spoke"), as VyOS decides it. */
    public boolean isSpoke() {
        return !maps.isEmpty() || !dynamicMapDomains.isEmpty();
    }

    /**
     * {@code map <tunnel address>/<len> nbma-address <address> [register]}: the peer whose tunnel (protocol) address
     * is {@code tunnelAddress} is reached at the outer (NBMA) address {@code nbmaAddress}; {@code register} makes this
     * router register with it, i.e. it is a hub (next-hop server) of this spoke. {@code tunnelAddress} keeps the
     * prefix length as written (it names the tunnel subnet).
     */
    public record NhrpMap(
            inet.ipaddr.IPAddress tunnelAddress,
            inet.ipaddr.IPAddress nbmaAddress,
            boolean register,
            SourceLocation location) {}
}
