package org.vpnlint.oracle;

/**
 * A route on the router. Scenario routes are installed with {@code proto static} so that resetting the router
 * between cases can flush exactly them and keep the connected routes.
 *
 * @param destination     prefix, or "default"
 * @param gateway         next hop, or null
 * @param device          output interface, or null
 * @param preferredSource {@code src} hint (strongSwan sets it on table-220 routes), or null
 * @param table           routing table number; 254 is main, strongSwan uses 220
 * @param type            unicast, blackhole or unreachable
 */
public record Route(
        String destination, String gateway, String device, String preferredSource, int table, RouteType type) {

    public static final int MAIN_TABLE = 254;

    public Route {
        if (type != RouteType.UNICAST && (gateway != null || device != null)) {
            throw new IllegalArgumentException(type + " routes have no next hop");
        }
        if (type == RouteType.UNICAST && gateway == null && device == null) {
            throw new IllegalArgumentException("a unicast route needs a gateway or a device: " + destination);
        }
    }

    public static Route defaultVia(String gateway) {
        return via("default", gateway);
    }

    public static Route via(String destination, String gateway) {
        return new Route(destination, gateway, null, null, MAIN_TABLE, RouteType.UNICAST);
    }

    public static Route blackhole(String destination) {
        return new Route(destination, null, null, null, MAIN_TABLE, RouteType.BLACKHOLE);
    }

    public static Route unreachable(String destination) {
        return new Route(destination, null, null, null, MAIN_TABLE, RouteType.UNREACHABLE);
    }

    public Route inTable(int newTable) {
        return new Route(destination, gateway, device, preferredSource, newTable, type);
    }

    public Route withSource(String source) {
        return new Route(destination, gateway, device, source, table, type);
    }

    public Route onDevice(String newDevice) {
        return new Route(destination, gateway, newDevice, preferredSource, table, type);
    }

    /** The {@code ip -batch} line that installs this route. */
    String addCommand() {
        StringBuilder text =
                new StringBuilder("route add ").append(type.commandPrefix()).append(destination);
        if (gateway != null) {
            text.append(" via ").append(gateway);
        }
        if (device != null) {
            text.append(" dev ").append(device);
        }
        if (preferredSource != null) {
            text.append(" src ").append(preferredSource);
        }
        return text.append(" table ").append(table).append(" proto static").toString();
    }
}
