package org.vpnlint.model;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * A network interface with its configured addresses (each with its prefix length, e.g. 192.168.10.1/24).
 * {@code dynamicAddress} is true for DHCP, DHCPv6 and PPPoE: the address is unknown to static analysis,
 * and {@code providesDefaultRoute} says whether such an interface installs a default route (VyOS default: yes).
 * {@code tunnel} is set for GRE/IPIP/... tunnel interfaces only.
 */
public record NetInterface(
        String name,
        InterfaceKind kind,
        List<IPAddress> addresses,
        boolean dynamicAddress,
        boolean providesDefaultRoute,
        TunnelSettings tunnel,
        boolean disabled,
        SourceLocation location) {

    public NetInterface {
        addresses = List.copyOf(addresses);
    }
}
