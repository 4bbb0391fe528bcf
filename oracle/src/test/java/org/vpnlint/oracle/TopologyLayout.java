package org.vpnlint.oracle;

import java.util.List;

/**
 * Addresses of the three-namespace test network, in iproute2 notation ({@code address/prefix-length}), and of an
 * optional fourth namespace, a second WAN (wan2) for load-balancing cases.
 *
 * <pre>
 *   lan (l0) ──── (r0) rtr (r1) ──── (w0) wan
 *   192.168.10.100/24  192.168.10.1/24   192.0.2.254/24
 *   192.168.10.45/24   192.0.2.1/24      lo: remote tunnel hosts (10.10.10.200/32, ...)
 *   default via .1     lo: router-owned extras
 *                           (r2) ──── (w0) wan2        only with a second WAN
 *                      198.51.100.1/24   198.51.100.254/24
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
 * @param secondWan          the second WAN's addresses, or null for the three-namespace network
 */
public record TopologyLayout(
        List<String> lanAddresses,
        String lanGateway,
        String routerLanAddress,
        String routerWanAddress,
        List<String> routerLoopback,
        String wanAddress,
        List<String> wanLoopback,
        List<String> wanRoutesToRouter,
        SecondWan secondWan) {

    /**
     * A second uplink: the router's address on r2, the wan2 namespace's address on its w0 (the next hop of the
     * second WAN's table) and, on wan2's lo, the remote hosts, so that wan2 answers ARP for them when the second
     * WAN's table routes out of the interface (a next hop learned at run time). wan2 only logs and drops what
     * arrives: it stands for another ISP, where a packet of the tunnel should never show up in cleartext.
     */
    public record SecondWan(String routerAddress, String address, List<String> loopback) {

        public SecondWan {
            loopback = List.copyOf(loopback);
        }

        /** The wan2 address without its prefix length. */
        public String host() {
            return hostPart(address);
        }
    }

    public TopologyLayout {
        lanAddresses = List.copyOf(lanAddresses);
        routerLoopback = List.copyOf(routerLoopback);
        wanLoopback = List.copyOf(wanLoopback);
        wanRoutesToRouter = List.copyOf(wanRoutesToRouter);
    }

    /** The three-namespace network, without a second WAN. */
    public TopologyLayout(
            List<String> lanAddresses,
            String lanGateway,
            String routerLanAddress,
            String routerWanAddress,
            List<String> routerLoopback,
            String wanAddress,
            List<String> wanLoopback,
            List<String> wanRoutesToRouter) {
        this(
                lanAddresses,
                lanGateway,
                routerLanAddress,
                routerWanAddress,
                routerLoopback,
                wanAddress,
                wanLoopback,
                wanRoutesToRouter,
                null);
    }

    public boolean hasSecondWan() {
        return secondWan != null;
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
                wanRoutesToRouter,
                secondWan);
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
                wanRoutesToRouter,
                secondWan);
    }

    public TopologyLayout withSecondWan(SecondWan wan2) {
        return new TopologyLayout(
                lanAddresses,
                lanGateway,
                routerLanAddress,
                routerWanAddress,
                routerLoopback,
                wanAddress,
                wanLoopback,
                wanRoutesToRouter,
                wan2);
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
