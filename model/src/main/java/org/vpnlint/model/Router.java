package org.vpnlint.model;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;

/** One router as vpnlint understands it, independent of the configuration dialect it was written in. */
public record Router(
        String name,
        String file,
        Dialect dialect,
        List<NetInterface> interfaces,
        List<StaticRoute> routes,
        NatConfig nat,
        FirewallConfig firewall,
        IpsecConfig ipsec) {

    public Router {
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
    }

    public Optional<NetInterface> findInterface(String interfaceName) {
        return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst();
    }

    /** The interface that has this exact address assigned, if any. */
    public Optional<NetInterface> interfaceWithAddress(IPAddress address) {
        IPAddress host = address.withoutPrefixLength();
        return interfaces.stream()
                .filter(i -> i.addresses().stream().anyMatch(a -> a.withoutPrefixLength().equals(host)))
                .findFirst();
    }
}
