package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;

/**
 * Builds the route list in lookup order: the local table (the router's addresses), the tables policy routing
 * selects and strongSwan's table 220 in the order of their ip rule preferences (VyOS installs table N's rule at
 * pref N, strongSwan table 220's at pref 220), the main table (connected, static, DHCP/PPPoE defaults), each table
 * longest prefix first and then lowest distance. Routes through a VTI or in table 220 depend on a tunnel's state.
 * A table the lookup finds no route in passes the packet on to the next rule (docs/semantics/policy-routing.md).
 */
final class RouteCompiler {

    /** VyOS {@code default-route-distance} for DHCP and PPPoE interfaces. */
    static final int DYNAMIC_DEFAULT_ROUTE_DISTANCE = 210;

    private final Router router;
    private final AddressFamily family;
    private final List<String> notes;
    private final List<RouteEntry> localRoutes;
    private final List<RouteEntry> permanentMainRoutes = new ArrayList<>();
    private final List<StaticRoute> vtiRoutes = new ArrayList<>();
    private final List<NetInterface> vtiInterfaces = new ArrayList<>();

    RouteCompiler(Router router, AddressFamily family, List<String> notes) {
        this.router = router;
        this.family = family;
        this.notes = notes;
        this.localRoutes = localRoutes();
        mainRoutes();
        sortMain(permanentMainRoutes);
    }

    /**
     * All routes in lookup order, once the tunnels (whose state some routes depend on) are known.
     *
     * @param policyTables the tables policy routing selects (not main); their ip rules come at pref = table number
     */
    List<RouteEntry> routes(List<CompiledTunnel> tunnels, java.util.SortedSet<Integer> policyTables) {
        List<RouteEntry> ipsecRoutes = new ArrayList<>(ipsecRoutes(tunnels));
        ipsecRoutes.sort(Comparator.comparingInt((RouteEntry r) -> -r.prefix().getNetworkPrefixLength()));
        List<RouteEntry> main = new ArrayList<>(permanentMainRoutes);
        main.addAll(vtiBoundRoutes(tunnels));
        sortMain(main);
        List<RouteEntry> routes = new ArrayList<>(localRoutes);
        for (int table : policyTables.headSet(IPSEC_RULE_PREFERENCE)) routes.addAll(policyTableRoutes(table, tunnels));
        routes.addAll(ipsecRoutes);
        for (int table : policyTables.tailSet(IPSEC_RULE_PREFERENCE)) routes.addAll(policyTableRoutes(table, tunnels));
        routes.addAll(main);
        return routes;
    }

    /** strongSwan's rule for table 220 (charon.plugins.kernel-netlink.routing_table_prio, default 220). */
    static final int IPSEC_RULE_PREFERENCE = 220;

    /**
     * The routes of {@code protocols static table N}, resolved like the main table's (a next hop on a connected
     * subnet; through a VTI only while its SA is up). The table holds nothing else: no connected routes.
     */
    private List<RouteEntry> policyTableRoutes(int table, List<CompiledTunnel> tunnels) {
        List<RouteEntry> routes = new ArrayList<>();
        for (StaticRoute route : router.routes()) {
            if (route.table() != table || !family.contains(route.prefix())) continue;
            Target target = target(route, " in table " + table);
            if (target == null) continue;
            if (!target.throughVti()) {
                routes.add(
                        tableRoute(route, target.kind(), target.egress(), target.via(), 0, RouteEntry.Presence.ALWAYS));
                continue;
            }
            int tunnel = tunnelBoundTo(tunnels, route.interfaceName());
            if (tunnel != 0) {
                routes.add(tableRoute(
                        route, target.kind(), target.egress(), target.via(), tunnel, RouteEntry.Presence.WHILE_SA_UP));
            }
        }
        sortMain(routes);
        return routes;
    }

    private RouteEntry tableRoute(
            StaticRoute route, RouteEntry.Kind kind, int egress, String via, int tunnel, RouteEntry.Presence presence) {
        return new RouteEntry(
                route.prefix().toPrefixBlock(),
                kind,
                egress,
                via,
                route.distance(),
                RouteEntry.Table.POLICY,
                "static route in table " + route.table(),
                route.location(),
                tunnel,
                presence,
                route.table());
    }

    /** The interface a packet to {@code address} leaves by, from the permanent main-table routes; 0 if none. */
    int egressTowards(IPAddress address) {
        for (RouteEntry route : permanentMainRoutes) {
            if (route.prefix().contains(address.withoutPrefixLength())) {
                return route.kind() == RouteEntry.Kind.FORWARD ? route.egress() : 0;
            }
        }
        return 0;
    }

    /** The interface's static addresses of the family; a DHCP/PPPoE interface has none the model knows. */
    static List<IPAddress> ownAddresses(NetInterface netInterface, AddressFamily family) {
        if (netInterface.dynamicAddress()) return List.of();
        return netInterface.addresses().stream().filter(family::contains).toList();
    }

    /** The address masquerade and source selection use: the interface's first address of the family. */
    static Optional<IPAddress> primaryAddress(NetInterface netInterface, AddressFamily family) {
        return ownAddresses(netInterface, family).stream().findFirst().map(IPAddress::withoutPrefixLength);
    }

    static IPAddress hostPrefix(IPAddress address) {
        return address.withoutPrefixLength().setPrefixLength(address.getBitCount(), false);
    }

    private List<RouteEntry> localRoutes() {
        List<RouteEntry> routes = new ArrayList<>();
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled()) continue;
            for (IPAddress address : ownAddresses(netInterface, family)) {
                IPAddress host = hostPrefix(address);
                routes.add(new RouteEntry(
                        host,
                        RouteEntry.Kind.LOCAL,
                        0,
                        "an address of " + netInterface.name(),
                        0,
                        RouteEntry.Table.LOCAL,
                        "local table",
                        netInterface.location(),
                        0,
                        RouteEntry.Presence.ALWAYS));
            }
        }
        return routes;
    }

    private void mainRoutes() {
        for (int i = 0; i < router.interfaces().size(); i++) {
            NetInterface netInterface = router.interfaces().get(i);
            if (netInterface.disabled()) continue;
            if (netInterface.kind() == InterfaceKind.VTI) {
                vtiInterfaces.add(netInterface);
                continue;
            }
            permanentMainRoutes.addAll(connectedRoutes(netInterface, i + 1, 0, RouteEntry.Presence.ALWAYS));
            if (netInterface.dynamicAddress() && netInterface.providesDefaultRoute() && family == AddressFamily.IPV4) {
                String source = netInterface.kind() == InterfaceKind.PPPOE ? "PPPoE" : "DHCP";
                permanentMainRoutes.add(new RouteEntry(
                        hostPrefix(any()).toPrefixBlock(0),
                        RouteEntry.Kind.FORWARD,
                        i + 1,
                        "via the " + source + " gateway dev " + netInterface.name(),
                        DYNAMIC_DEFAULT_ROUTE_DISTANCE,
                        RouteEntry.Table.MAIN,
                        "default route from " + source + " on " + netInterface.name(),
                        netInterface.location(),
                        0,
                        RouteEntry.Presence.ALWAYS));
            }
        }
        for (StaticRoute route : router.routes()) {
            if (!route.inMainTable() || !family.contains(route.prefix())) continue;
            Target target = target(route, "");
            if (target == null) continue;
            if (target.throughVti()) {
                vtiRoutes.add(route); // exists only while the VTI's SA is up: vtiBoundRoutes
            } else {
                permanentMainRoutes.add(staticRoute(
                        route, target.kind(), target.egress(), target.via(), 0, RouteEntry.Presence.ALWAYS));
            }
        }
    }

    /**
     * Where a static route sends its packets: {@code via} as {@code ip route} shows it, {@code throughVti} for an
     * interface route through a VTI. Null, with a note, for an interface that is absent or disabled or a next hop on
     * no connected subnet: the kernel has no such route. {@code where} names the table in the note ("" for main).
     */
    private Target target(StaticRoute route, String where) {
        switch (route.kind()) {
            case BLACKHOLE -> {
                return new Target(RouteEntry.Kind.BLACKHOLE, 0, "blackhole", false);
            }
            case REJECT -> {
                return new Target(RouteEntry.Kind.REJECT, 0, "reject", false);
            }
            case INTERFACE -> {
                int egress = enabledInterface(route.interfaceName());
                if (egress == 0) {
                    notes.add("route " + route.prefix() + where + " names interface " + route.interfaceName()
                            + ", which is absent or disabled");
                    return null;
                }
                boolean throughVti = router.interfaces().get(egress - 1).kind() == InterfaceKind.VTI;
                return new Target(RouteEntry.Kind.FORWARD, egress, "dev " + route.interfaceName(), throughVti);
            }
            default -> {
                int egress = connectedInterfaceFor(route.nextHop());
                if (egress == 0) {
                    notes.add("route " + route.prefix() + where + ": next hop " + route.nextHop()
                            + " is on no connected subnet; the route is inactive");
                    return null;
                }
                String via = "via " + route.nextHop().withoutPrefixLength().toCompressedString() + " dev "
                        + router.interfaces().get(egress - 1).name();
                return new Target(RouteEntry.Kind.FORWARD, egress, via, false);
            }
        }
    }

    private record Target(RouteEntry.Kind kind, int egress, String via, boolean throughVti) {}

    /** Routes through a VTI exist while its SA is up: VyOS's vti-up-down sets the interface down with the SA. */
    private List<RouteEntry> vtiBoundRoutes(List<CompiledTunnel> tunnels) {
        List<RouteEntry> routes = new ArrayList<>();
        for (NetInterface vti : vtiInterfaces) {
            int tunnel = tunnelBoundTo(tunnels, vti.name());
            if (tunnel == 0) {
                notes.add(vti.name() + " is bound to no enabled IPsec peer; it stays down");
                continue;
            }
            routes.addAll(connectedRoutes(vti, enabledInterface(vti.name()), tunnel, RouteEntry.Presence.WHILE_SA_UP));
        }
        for (StaticRoute route : vtiRoutes) {
            int tunnel = tunnelBoundTo(tunnels, route.interfaceName());
            if (tunnel == 0) continue;
            routes.add(staticRoute(
                    route,
                    RouteEntry.Kind.FORWARD,
                    enabledInterface(route.interfaceName()),
                    "dev " + route.interfaceName(),
                    tunnel,
                    RouteEntry.Presence.WHILE_SA_UP));
        }
        return routes;
    }

    private List<RouteEntry> connectedRoutes(
            NetInterface netInterface, int index, int tunnel, RouteEntry.Presence presence) {
        List<RouteEntry> routes = new ArrayList<>();
        for (IPAddress address : ownAddresses(netInterface, family)) {
            Integer length = address.getNetworkPrefixLength();
            if (length == null || length == family.width()) continue;
            routes.add(new RouteEntry(
                    address.toPrefixBlock(),
                    RouteEntry.Kind.FORWARD,
                    index,
                    "dev " + netInterface.name(),
                    0,
                    RouteEntry.Table.MAIN,
                    "connected to " + netInterface.name(),
                    netInterface.location(),
                    tunnel,
                    presence));
        }
        return routes;
    }

    private List<RouteEntry> ipsecRoutes(List<CompiledTunnel> tunnels) {
        List<RouteEntry> routes = new ArrayList<>();
        for (CompiledTunnel tunnel : tunnels) {
            if (!tunnel.installsRoute()) continue;
            for (IPAddress remote : tunnel.remoteSelectors()) {
                if (tunnel.remoteEndpoint() != null
                        && hostPrefix(tunnel.remoteEndpoint()).equals(remote)) continue;
                String peer = tunnel.remoteEndpoint() == null
                        ? "the peer"
                        : tunnel.remoteEndpoint().toCompressedString();
                String via = "via the next hop to " + peer + " dev "
                        + router.interfaces().get(tunnel.outerEgress() - 1).name() + " src "
                        + tunnel.routeSource().toCompressedString();
                routes.add(new RouteEntry(
                        remote,
                        RouteEntry.Kind.FORWARD,
                        tunnel.outerEgress(),
                        via,
                        0,
                        RouteEntry.Table.IPSEC,
                        "table 220 of " + tunnel.ref(),
                        tunnel.location(),
                        tunnel.index(),
                        RouteEntry.Presence.WHILE_POLICIES));
            }
        }
        return routes;
    }

    private RouteEntry staticRoute(
            StaticRoute route, RouteEntry.Kind kind, int egress, String via, int tunnel, RouteEntry.Presence presence) {
        String origin = route.prefix().getNetworkPrefixLength() != null
                        && route.prefix().getNetworkPrefixLength() == 0
                ? "default route"
                : "static route";
        return new RouteEntry(
                route.prefix().toPrefixBlock(),
                kind,
                egress,
                via,
                route.distance(),
                RouteEntry.Table.MAIN,
                origin,
                route.location(),
                tunnel,
                presence);
    }

    /** Longest prefix first, then the lowest distance (zebra installs only the best; the others are fallbacks). */
    private static void sortMain(List<RouteEntry> routes) {
        routes.sort(Comparator.comparingInt((RouteEntry r) -> -r.prefix().getNetworkPrefixLength())
                .thenComparingInt(RouteEntry::distance));
    }

    private int connectedInterfaceFor(IPAddress nextHop) {
        if (nextHop == null) return 0;
        for (int i = 0; i < router.interfaces().size(); i++) {
            NetInterface netInterface = router.interfaces().get(i);
            if (netInterface.disabled()) continue;
            for (IPAddress address : ownAddresses(netInterface, family)) {
                Integer length = address.getNetworkPrefixLength();
                if (length != null
                        && length < family.width()
                        && address.toPrefixBlock().contains(nextHop.withoutPrefixLength())) {
                    return i + 1;
                }
            }
        }
        return 0;
    }

    private int tunnelBoundTo(List<CompiledTunnel> tunnels, String vtiName) {
        return tunnels.stream()
                .filter(t -> vtiName.equals(t.vtiInterface()))
                .mapToInt(CompiledTunnel::index)
                .findFirst()
                .orElse(0);
    }

    private int enabledInterface(String name) {
        for (int i = 0; i < router.interfaces().size(); i++) {
            NetInterface netInterface = router.interfaces().get(i);
            if (netInterface.name().equals(name)) return netInterface.disabled() ? 0 : i + 1;
        }
        return 0;
    }

    private IPAddress any() {
        return family == AddressFamily.IPV4
                ? new IPAddressString("0.0.0.0").getAddress()
                : new IPAddressString("::").getAddress();
    }
}
