package org.vpnlint.oracle;

import java.util.List;

/**
 * Addresses of the three-namespace test network, in iproute2 notation ({@code address/prefix-length}).
 *
 * <pre>
 *   lan (l0) ──── (r0) rtr (r1) ──── (w0) wan
 *   192.168.10.100/24  192.168.10.1/24   192.0.2.254/24
 *   192.168.10.45/24   192.0.2.1/24      lo: remote tunnel hosts (10.10.10.200/32, ...)
 *   default via .1     lo: router-owned extras
 * </pre>
 *
 * The router's own routes (default route, table 220, blackholes) are not part of the layout: they belong to each
 * {@link KernelScenario}, because whether a route exists is often what a case is about.
 *
 * @param lanAddresses       addresses of the lan host on l0
 * @param lanGateway         the lan host's default gateway (normally the router's lan address)
 * @param routerLanAddress   router address on r0
 * @param routerWanAddress   router address on r1
 * @param routerLoopback     extra router addresses on its lo (e.g. a GRE source 10.10.0.1/32)
 * @param wanAddress         wan address on w0; the wan namespace stands for the Internet and the remote site
 * @param wanLoopback        addresses on wan's lo: the hosts "behind" the remote peer that probes are sent to
 * @param wanRoutesToRouter  prefixes the wan namespace routes back via the router (for probes sent from wan)
 */
public record TopologyLayout(
        List<String> lanAddresses,
        String lanGateway,
        String routerLanAddress,
        String routerWanAddress,
        List<String> routerLoopback,
        String wanAddress,
        List<String> wanLoopback,
        List<String> wanRoutesToRouter) {

    public TopologyLayout {
        lanAddresses = List.copyOf(lanAddresses);
        routerLoopback = List.copyOf(routerLoopback);
        wanLoopback = List.copyOf(wanLoopback);
        wanRoutesToRouter = List.copyOf(wanRoutesToRouter);
    }

    /**
     * The layout of docs/semantics/oracle-method.md#three-namespace-layout, with its remote hosts and GRE endpoints.
     */
    public static TopologyLayout standard() {
        return new TopologyLayout(
                List.of("192.168.10.100/24", "192.168.10.45/24"),
                "192.168.10.1",
                "192.168.10.1/24",
                "192.0.2.1/24",
                List.of("10.10.0.1/32"),
                "192.0.2.254/24",
                List.of("10.10.10.200/32", "10.10.10.55/32", "10.10.0.2/32"),
                List.of("192.168.10.0/24"));
    }

    public TopologyLayout withRouterLoopback(List<String> addresses) {
        return new TopologyLayout(
                lanAddresses,
                lanGateway,
                routerLanAddress,
                routerWanAddress,
                addresses,
                wanAddress,
                wanLoopback,
                wanRoutesToRouter);
    }

    public TopologyLayout withWanLoopback(List<String> addresses) {
        return new TopologyLayout(
                lanAddresses,
                lanGateway,
                routerLanAddress,
                routerWanAddress,
                routerLoopback,
                wanAddress,
                addresses,
                wanRoutesToRouter);
    }

    /** The router's wan address without its prefix length: the next hop wan uses to reach the lan. */
    public String routerWanHost() {
        return hostPart(routerWanAddress);
    }

    /** The wan address without its prefix length: the router's usual default gateway. */
    public String wanHost() {
        return hostPart(wanAddress);
    }

    private static String hostPart(String addressWithPrefix) {
        int slash = addressWithPrefix.indexOf('/');
        return slash < 0 ? addressWithPrefix : addressWithPrefix.substring(0, slash);
    }
}
