package org.vpnlint.model;

import inet.ipaddr.IPAddress;
import java.util.List;
import java.util.Optional;

/**
 * One router as vpnlint understands it, independent of the configuration dialect it was written in.
 * {@code hostName} is {@code system host-name}, null when the file does not set it ({@code name} then falls back to
 * the file name). {@code completeness} says which parts the file shows whole (a fragment shows only some).
 * {@code policyRoutes} are the policy-routing rulesets bound to interfaces (VyOS {@code policy route}, EdgeOS
 * {@code firewall modify}); {@code routes} hold the main table and the tables they select.
 * {@code nhrpTunnels} are {@code protocols nhrp tunnel ...} (DMVPN). {@code loadBalanceGroups} are the WAN load
 * balancers the {@link PolicyRouteAction#LOAD_BALANCE} rules of {@code policyRoutes} send connections to;
 * {@code ownConnectionBalancing} is the chain in which they balance the router's own connections, in the order it runs.
 */
public record Router(
        String name,
        String file,
        Dialect dialect,
        List<NetInterface> interfaces,
        List<StaticRoute> routes,
        NatConfig nat,
        FirewallConfig firewall,
        IpsecConfig ipsec,
        String hostName,
        Completeness completeness,
        List<PolicyRoute> policyRoutes,
        List<NhrpTunnel> nhrpTunnels,
        List<LoadBalanceGroup> loadBalanceGroups,
        List<OwnConnectionRule> ownConnectionBalancing) {

    public Router {
        interfaces = List.copyOf(interfaces);
        routes = List.copyOf(routes);
        nhrpTunnels = List.copyOf(nhrpTunnels);
        policyRoutes = List.copyOf(policyRoutes);
        loadBalanceGroups = List.copyOf(loadBalanceGroups);
        ownConnectionBalancing = List.copyOf(ownConnectionBalancing);
        java.util.Objects.requireNonNull(completeness);
    }

    /** A router without policy routing, DMVPN and WAN load balancing. */
    public Router(
            String name,
            String file,
            Dialect dialect,
            List<NetInterface> interfaces,
            List<StaticRoute> routes,
            NatConfig nat,
            FirewallConfig firewall,
            IpsecConfig ipsec,
            String hostName,
            Completeness completeness) {
        this(
                name,
                file,
                dialect,
                interfaces,
                routes,
                nat,
                firewall,
                ipsec,
                hostName,
                completeness,
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** A whole router without a host name (test fixtures and generated routers). */
    public Router(
            String name,
            String file,
            Dialect dialect,
            List<NetInterface> interfaces,
            List<StaticRoute> routes,
            NatConfig nat,
            FirewallConfig firewall,
            IpsecConfig ipsec) {
        this(name, file, dialect, interfaces, routes, nat, firewall, ipsec, null, Completeness.WHOLE);
    }

    /** The same router with other NAT, firewall and IPsec configuration (what-if questions of the rules). */
    public Router withConfiguration(NatConfig otherNat, FirewallConfig otherFirewall, IpsecConfig otherIpsec) {
        return new Router(
                name,
                file,
                dialect,
                interfaces,
                routes,
                otherNat,
                otherFirewall,
                otherIpsec,
                hostName,
                completeness,
                policyRoutes,
                nhrpTunnels,
                loadBalanceGroups,
                ownConnectionBalancing);
    }

    /** The same router with other interfaces (those declared in .vpnlint.yaml added). */
    public Router withInterfaces(List<NetInterface> otherInterfaces) {
        return new Router(
                name,
                file,
                dialect,
                otherInterfaces,
                routes,
                nat,
                firewall,
                ipsec,
                hostName,
                completeness,
                policyRoutes,
                nhrpTunnels,
                loadBalanceGroups,
                ownConnectionBalancing);
    }

    /** The same router with what is known about its completeness replaced (declarations in .vpnlint.yaml). */
    public Router withCompleteness(Completeness known) {
        return new Router(
                name,
                file,
                dialect,
                interfaces,
                routes,
                nat,
                firewall,
                ipsec,
                hostName,
                known,
                policyRoutes,
                nhrpTunnels,
                loadBalanceGroups,
                ownConnectionBalancing);
    }

    /** The load-balance group this rule sends connections to, if it is a {@link PolicyRouteAction#LOAD_BALANCE} rule. */
    public Optional<LoadBalanceGroup> loadBalanceGroupOf(PolicyRouteRule rule) {
        if (rule.action() != PolicyRouteAction.LOAD_BALANCE) return Optional.empty();
        return loadBalanceGroups.stream().filter(group -> group.appliedBy(rule)).findFirst();
    }

    /** Whether the file shows this part whole (see {@link Completeness}). */
    public boolean shows(RouterPart part) {
        return completeness.isComplete(part);
    }

    public Optional<NetInterface> findInterface(String interfaceName) {
        return interfaces.stream().filter(i -> i.name().equals(interfaceName)).findFirst();
    }

    /** The interface that has this exact address assigned, if any. */
    public Optional<NetInterface> interfaceWithAddress(IPAddress address) {
        IPAddress host = address.withoutPrefixLength();
        return interfaces.stream()
                .filter(i -> i.addresses().stream()
                        .anyMatch(a -> a.withoutPrefixLength().equals(host)))
                .findFirst();
    }
}
