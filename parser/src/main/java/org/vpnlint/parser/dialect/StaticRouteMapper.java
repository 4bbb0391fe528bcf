package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.parser.ConfigNode;

/**
 * {@code protocols static} → {@link StaticRoute}s: {@code route|route6 P next-hop A}, {@code blackhole},
 * {@code reject}, {@code interface X} (1.4), {@code dhcp-interface X}, and the pre-1.4
 * {@code interface-route|interface-route6 P next-hop-interface X}. Disabled next hops install nothing and are
 * left out. {@code table N} holds the same kinds of routes for table N, which only policy routing selects
 * (VyOS renders them to FRR as {@code ip route ... table N}; docs/semantics/policy-routing.md).
 */
final class StaticRouteMapper {
    private static final int DEFAULT_DISTANCE = 1;

    private final MappingProblems problems;

    StaticRouteMapper(MappingProblems problems) {
        this.problems = problems;
    }

    List<StaticRoute> map(ConfigNode staticNode) {
        ConfigSection section = new ConfigSection(staticNode, problems);
        List<StaticRoute> routes = new ArrayList<>();
        readRoutes(section, routes);
        for (ConfigSection table : section.entries("table")) {
            Integer number = table.number();
            List<StaticRoute> tableRoutes = new ArrayList<>();
            readRoutes(table, tableRoutes);
            table.ignore("description");
            table.finish();
            if (number == null) continue;
            if (number < 1 || number == StaticRoute.MAIN_TABLE || number > 65535) {
                problems.invalidValue(
                        table.node().parent(), table.node().word(), "not a routing table vpnlint models; ignored");
                continue;
            }
            for (StaticRoute route : tableRoutes) routes.add(route.inTable(number));
        }
        section.ignore("arp");
        section.finish();
        return routes;
    }

    /** The routes of the main table, or of one {@code table N} block. */
    private void readRoutes(ConfigSection section, List<StaticRoute> routes) {
        for (String word : List.of("route", "route6")) {
            for (ConfigSection route : section.entries(word)) readRoute(route, routes);
        }
        for (String word : List.of("interface-route", "interface-route6")) {
            for (ConfigSection route : section.entries(word)) readInterfaceRoute(route, routes);
        }
    }

    private void readRoute(ConfigSection route, List<StaticRoute> routes) {
        IPAddress prefix = prefix(route);
        route.ignore("description");
        if (prefix == null) return;
        for (ConfigSection nextHop : route.entries("next-hop")) {
            IPAddress gateway = gateway(nextHop);
            int distance = distance(nextHop);
            boolean disabled = nextHop.flag("disable");
            nextHop.ignore("interface", "bfd", "vrf", "next-hop-vrf", "segments");
            nextHop.finish();
            if (gateway != null && !disabled) {
                routes.add(new StaticRoute(prefix, RouteKind.NEXT_HOP, gateway, null, distance, nextHop.location()));
            }
        }
        for (ConfigSection viaInterface : route.entries("interface")) addInterfaceRoute(prefix, viaInterface, routes);
        for (ConfigSection viaDhcp : route.entries("dhcp-interface")) addInterfaceRoute(prefix, viaDhcp, routes);
        for (RouteKind discard : List.of(RouteKind.BLACKHOLE, RouteKind.REJECT)) {
            ConfigSection node = route.section(discard.name().toLowerCase(java.util.Locale.ROOT));
            if (node == null) continue;
            int distance = distance(node);
            node.ignore("tag", "description");
            node.finish();
            routes.add(new StaticRoute(prefix, discard, null, null, distance, node.location()));
        }
        route.finish();
    }

    private void readInterfaceRoute(ConfigSection route, List<StaticRoute> routes) {
        IPAddress prefix = prefix(route);
        route.ignore("description");
        for (ConfigSection viaInterface : route.entries("next-hop-interface")) {
            // a prefix that did not read is reported already; its next hops are still read, not reported again
            if (prefix != null) addInterfaceRoute(prefix, viaInterface, routes);
        }
        route.finish();
    }

    private void addInterfaceRoute(IPAddress prefix, ConfigSection viaInterface, List<StaticRoute> routes) {
        int distance = distance(viaInterface);
        boolean disabled = viaInterface.flag("disable");
        viaInterface.ignore("vrf", "tag");
        viaInterface.finish();
        if (!disabled) {
            routes.add(new StaticRoute(
                    prefix, RouteKind.INTERFACE, null, viaInterface.node().word(), distance, viaInterface.location()));
        }
    }

    private IPAddress prefix(ConfigSection route) {
        try {
            return AddressSyntax.prefix(route.node().word());
        } catch (InvalidValue e) {
            problems.invalidValue(route.node().parent(), route.node().word(), e.getMessage());
            return null;
        }
    }

    private IPAddress gateway(ConfigSection nextHop) {
        try {
            return AddressSyntax.host(nextHop.node().word());
        } catch (InvalidValue e) {
            problems.invalidValue(nextHop.node().parent(), nextHop.node().word(), e.getMessage());
            return null;
        }
    }

    private int distance(ConfigSection section) {
        ConfigNode node = section.leaf("distance");
        if (node == null || ConfigSection.valueOf(node) == null) return DEFAULT_DISTANCE;
        try {
            int distance = Integer.parseInt(ConfigSection.valueOf(node));
            if (distance >= 1 && distance <= 255) return distance;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.invalidValue(node, ConfigSection.valueOf(node), "not a distance between 1 and 255; vpnlint uses 1");
        return DEFAULT_DISTANCE;
    }
}
