package org.vpnlint.oracle.differential;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.oracle.Route;
import org.vpnlint.oracle.RouteType;
import org.vpnlint.oracle.RoutingRule;

/**
 * The router's routes beyond the connected ones the topology already has.
 * <ul>
 *   <li>Static routes as FRR installs them: per prefix only the lowest distance (the first on a tie); next hops
 *       must be on a connected subnet, otherwise FRR leaves the route inactive; blackhole and reject routes.</li>
 *   <li>strongSwan's routes (install_routes, docs/semantics/netfilter-and-xfrm-order.md#table-220): while a tunnel's
 *       policies exist (SA up, or a trap kept), for tunnel-mode selectors without protocol or port, one route per
 *       remote prefix in table 220, via the next hop towards the peer, with a router address inside local_ts as
 *       source; none without such an address, none for the peer's own /32. Rule pref 220 exists whenever charon
 *       installs routes.</li>
 * </ul>
 */
final class RouteRenderer {

    static final int STRONGSWAN_TABLE = 220;

    private final Router router;
    private final InterfaceMapping interfaces;
    private final List<Route> routes = new ArrayList<>();
    private final List<RoutingRule> rules = new ArrayList<>();
    private final Map<String, StaticRoute> installedStatic = new LinkedHashMap<>();
    private final Set<String> tunnelDestinations = new HashSet<>();

    RouteRenderer(Router router, InterfaceMapping interfaces, List<RenderedTunnel> tunnels) {
        this.router = router;
        this.interfaces = interfaces;
        staticRoutes();
        IpsecConfig ipsec = router.ipsec() == null ? IpsecConfig.NONE : router.ipsec();
        boolean charonRoutes =
                ipsec.routeAutoinstall() && ipsec.peers().stream().anyMatch(p -> !p.disabled());
        if (charonRoutes) {
            rules.add(RoutingRule.strongSwanTable220());
            tunnels.forEach(this::tunnelRoutes);
        }
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    List<RoutingRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * VyOS 1.4 policy routing: table N's routes (FRR {@code ip route ... table N}) and, for every table a rule
     * selects, {@code ip rule add pref N fwmark 0x7fffffff-N table N} (policy_route.py apply_table_marks).
     */
    private void policyTables() {
        java.util.SortedSet<Integer> selected = new java.util.TreeSet<>();
        for (PolicyRoute ruleset : router.policyRoutes()) {
            if (ruleset.ipv6()) continue;
            for (PolicyRouteRule rule : ruleset.rules()) {
                if (!rule.disabled() && rule.action() == PolicyRouteAction.SET_TABLE) selected.add(rule.table());
            }
        }
        for (int table : selected) rules.add(new RoutingRule(table, table, MARK_OFFSET - table));
        // a load balancer's WAN table: mark = table number, looked up before table 220 (wan-load-balancing.md)
        java.util.SortedSet<Integer> balanced = new java.util.TreeSet<>();
        for (org.vpnlint.model.LoadBalanceGroup group : router.loadBalanceGroups()) {
            group.wans().forEach(wan -> balanced.add(wan.table()));
        }
        for (int table : balanced) rules.add(new RoutingRule(table, table, (long) table));
        Map<String, StaticRoute> best = new LinkedHashMap<>();
        for (StaticRoute route : router.routes()) {
            if (route.inMainTable() || !route.prefix().isIPv4()) continue;
            String key = route.table() + " " + Ipv4Text.prefix(route.prefix());
            StaticRoute known = best.get(key);
            if (known == null || route.distance() < known.distance()) best.put(key, route);
        }
        for (StaticRoute route : best.values()) {
            staticRoute(Ipv4Text.prefix(route.prefix()), route)
                    .ifPresent(installed -> routes.add(installed.inTable(route.table())));
        }
    }

    /** VyOS's table marks count down from this: table N is marked 0x7fffffff - N. */
    static final long MARK_OFFSET = 0x7fffffffL;

    private void staticRoutes() {
        policyTables();
        for (StaticRoute route : router.routes()) {
            if (!route.inMainTable() || !route.prefix().isIPv4()) continue;
            String prefix = Ipv4Text.prefix(route.prefix());
            StaticRoute best = installedStatic.get(prefix);
            if (best == null || route.distance() < best.distance()) installedStatic.put(prefix, route);
        }
        for (Map.Entry<String, StaticRoute> entry : installedStatic.entrySet()) {
            rejectConnectedDuplicate(entry.getValue());
            staticRoute(entry.getKey(), entry.getValue()).ifPresent(routes::add);
        }
    }

    private Optional<Route> staticRoute(String prefix, StaticRoute route) {
        return switch (route.kind()) {
            case BLACKHOLE -> Optional.of(Route.blackhole(prefix));
            case REJECT -> Optional.of(Route.unreachable(prefix));
            case INTERFACE -> {
                String device = interfaces.kernelName(route.interfaceName());
                if (device.equals(route.interfaceName())) {
                    throw new UnsupportedCase("route " + prefix + " via interface " + route.interfaceName());
                }
                yield Optional.of(new Route(prefix, null, device, null, Route.MAIN_TABLE, RouteType.UNICAST));
            }
            case NEXT_HOP -> {
                Optional<NetInterface> onSubnet = InterfaceMapping.onSubnetOf(router, route.nextHop());
                if (onSubnet.isEmpty()) yield Optional.empty(); // FRR: next hop unresolved, route inactive
                if (!interfaces.sides().contains(onSubnet.get())) {
                    throw new UnsupportedCase("next hop " + route.nextHop() + " on "
                            + onSubnet.get().name());
                }
                yield Optional.of(Route.via(prefix, Ipv4Text.host(route.nextHop())));
            }
        };
    }

    /** The kernel refuses a second main-table route for a connected prefix ("File exists"). */
    private void rejectConnectedDuplicate(StaticRoute route) {
        for (NetInterface side : interfaces.sides()) {
            IPAddress address = InterfaceMapping.firstIpv4(side).orElseThrow();
            if (address.toPrefixBlock().equals(route.prefix().toPrefixBlock())
                    && Ipv4Text.length(address) == Ipv4Text.length(route.prefix())) {
                throw new UnsupportedCase(
                        "static route " + route.prefix() + " duplicates the connected route of " + side.name());
            }
        }
    }

    private void tunnelRoutes(RenderedTunnel tunnel) {
        if (tunnel.state() == RenderedTunnel.PolicyState.ABSENT
                || tunnel.transportMode()
                || tunnel.hasSelectorRestrictions()) {
            return;
        }
        Optional<IPAddress> source = sourceInside(tunnel.localSelectors());
        if (source.isEmpty()) return;
        IPAddress peer = tunnel.endpoints().remote();
        for (IPAddress remote : tunnel.remoteSelectors()) {
            if (Ipv4Text.length(remote) == 32 && remote.withoutPrefixLength().equals(peer)) continue;
            String destination = Ipv4Text.prefix(remote);
            if (!tunnelDestinations.add(destination)) continue;
            towardsPeer(destination, tunnel.endpoints())
                    .ifPresent(route ->
                            routes.add(route.inTable(STRONGSWAN_TABLE).withSource(Ipv4Text.host(source.get()))));
        }
    }

    /** strongSwan's get_nexthop: the peer itself if connected, else the gateway of the route to it. */
    private Optional<Route> towardsPeer(String destination, PeerEndpoints endpoints) {
        IPAddress peer = endpoints.remote();
        for (NetInterface side : List.of(interfaces.wan(), interfaces.lan())) {
            if (LayoutRenderer.onSubnet(InterfaceMapping.firstIpv4(side).orElseThrow(), peer)) {
                return Optional.of(Route.via(destination, Ipv4Text.host(peer)));
            }
        }
        StaticRoute best = null;
        for (StaticRoute route : installedStatic.values()) {
            if (route.prefix().toPrefixBlock().contains(peer)
                    && (best == null || Ipv4Text.length(route.prefix()) > Ipv4Text.length(best.prefix()))) {
                best = route;
            }
        }
        if (best != null
                && best.nextHop() != null
                && InterfaceMapping.onSubnetOf(router, best.nextHop()).isPresent()) {
            return Optional.of(Route.via(destination, Ipv4Text.host(best.nextHop())));
        }
        // No usable route to the peer: a device route out of the interface that holds the local address.
        if (!endpoints.localConfigured()) return Optional.empty();
        return router.interfaceWithAddress(endpoints.local())
                .map(i -> new Route(
                        destination, null, interfaces.kernelName(i.name()), null, Route.MAIN_TABLE, RouteType.UNICAST));
    }

    /** strongSwan's get_address_by_ts: a router address inside local_ts (only addresses the kernel replay has). */
    private Optional<IPAddress> sourceInside(List<IPAddress> localSelectors) {
        boolean onlyOutsideTheReplay = false;
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled() || netInterface.dynamicAddress()) continue;
            for (IPAddress address : netInterface.addresses()) {
                if (!address.isIPv4()) continue;
                IPAddress host = address.withoutPrefixLength();
                if (localSelectors.stream().noneMatch(s -> s.toPrefixBlock().contains(host))) continue;
                boolean inKernel = interfaces.sides().contains(netInterface)
                        || netInterface.kind() == InterfaceKind.DUMMY
                        || netInterface.kind() == InterfaceKind.LOOPBACK;
                if (inKernel) return Optional.of(host);
                onlyOutsideTheReplay = true;
            }
        }
        if (onlyOutsideTheReplay)
            throw new UnsupportedCase("the only table-220 source inside local_ts is on a tunnel interface");
        return Optional.empty();
    }
}
