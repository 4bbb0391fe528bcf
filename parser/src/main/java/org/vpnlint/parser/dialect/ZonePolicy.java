package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.parser.ConfigNode;

/**
 * The zones of a zone policy as configured: 1.2/1.3/EdgeOS {@code zone-policy zone NAME ...} and 1.4/1.5
 * {@code firewall zone NAME ...} (members as {@code interface X} or, in later 1.5, {@code member interface X}).
 * Reading only: {@link ZoneRendering} turns them into chains.
 */
record ZonePolicy(List<Zone> zones) {

    static final ZonePolicy NONE = new ZonePolicy(List.of());

    /**
     * One zone. {@code defaultAction} is DROP or REJECT; {@code intraZone} is null when not configured (traffic
     * between the zone's own interfaces passes).
     */
    record Zone(
            String name,
            List<String> interfaces,
            SourceLocation interfacesAt,
            boolean local,
            FirewallAction defaultAction,
            Map<String, From> from,
            IntraZone intraZone,
            ConfigNode node,
            SourceLocation defaultActionAt) {}

    /** {@code from OTHER firewall name X / ipv6-name Y}: the ruleset per family, null where not set. */
    record From(String zone, Ruleset ipv4, Ruleset ipv6, ConfigNode node) {
        Ruleset of(boolean ipv6Family) {
            return ipv6Family ? ipv6 : ipv4;
        }
    }

    /** A ruleset named by a zone, with the leaf that names it (for invalid references and locations). */
    record Ruleset(String name, ConfigNode leaf) {}

    /** {@code intra-zone-filtering}: an action (ACCEPT or DROP) or a ruleset per family. */
    record IntraZone(FirewallAction action, Ruleset ipv4, Ruleset ipv6, SourceLocation location) {
        Ruleset of(boolean ipv6Family) {
            return ipv6Family ? ipv6 : ipv4;
        }
    }

    boolean isEmpty() {
        return zones.isEmpty();
    }

    Zone localZone() {
        return zones.stream().filter(Zone::local).findFirst().orElse(null);
    }

    Zone zone(String name) {
        return zones.stream().filter(z -> z.name().equals(name)).findFirst().orElse(null);
    }

    /** Reads the {@code zone} entries of {@code parent} ({@code zone-policy}, or {@code firewall} from 1.4). */
    static ZonePolicy read(ConfigSection parent, MappingProblems problems) {
        List<Zone> zones = new ArrayList<>();
        for (ConfigSection zone : parent.entries("zone")) {
            zones.add(zone(zone, problems));
        }
        return new ZonePolicy(zones);
    }

    private static Zone zone(ConfigSection zone, MappingProblems problems) {
        List<String> interfaces = new ArrayList<>();
        ConfigNode interfaceLeaf = zone.leaf("interface");
        if (interfaceLeaf != null) interfaces.addAll(interfaceLeaf.values());
        SourceLocation interfacesAt = interfaceLeaf == null ? null : interfaceLeaf.location();
        ConfigSection member = zone.section("member");
        if (member != null) {
            ConfigNode memberInterfaces = member.leaf("interface");
            if (memberInterfaces != null) {
                interfaces.addAll(memberInterfaces.values());
                if (interfacesAt == null) interfacesAt = memberInterfaces.location();
            }
            // member vrf (traffic through a VRF's device) is reported as unsupported here
            member.finish();
        }

        ConfigNode defaultNode = zone.leaf("default-action");
        FirewallAction defaultAction = FirewallAction.DROP;
        String written = defaultNode == null ? null : ConfigSection.valueOf(defaultNode);
        if ("reject".equals(written)) defaultAction = FirewallAction.REJECT;
        else if (written != null && !written.equals("drop")) {
            problems.invalidValue(defaultNode, written, "a zone's default action is drop or reject; read as drop");
        }

        Map<String, From> from = new LinkedHashMap<>();
        for (ConfigSection source : zone.entries("from")) {
            ConfigSection firewall = source.section("firewall");
            Ruleset v4 = null;
            Ruleset v6 = null;
            if (firewall != null) {
                v4 = ruleset(firewall, "name");
                v6 = ruleset(firewall, "ipv6-name");
                firewall.finish();
            }
            source.ignore("description");
            source.finish(); // e.g. EdgeOS content-inspection
            from.put(source.node().word(), new From(source.node().word(), v4, v6, source.node()));
        }

        IntraZone intraZone = null;
        ConfigSection intra = zone.section("intra-zone-filtering");
        if (intra != null) {
            String action = intra.value("action");
            FirewallAction intraAction = null;
            if ("accept".equals(action)) intraAction = FirewallAction.ACCEPT;
            else if ("drop".equals(action)) intraAction = FirewallAction.DROP;
            else if (action != null) problems.invalidValue(intra.node().child("action"), action, "not accept or drop");
            ConfigSection firewall = intra.section("firewall");
            Ruleset v4 = null;
            Ruleset v6 = null;
            if (firewall != null) {
                v4 = ruleset(firewall, "name");
                v6 = ruleset(firewall, "ipv6-name");
                firewall.finish();
            }
            intra.finish();
            intraZone = new IntraZone(intraAction, v4, v6, intra.location());
        }

        boolean local = zone.flag("local-zone");
        zone.ignore("description", "default-log", "enable-default-log");
        zone.finish();
        return new Zone(
                zone.node().word(),
                List.copyOf(interfaces),
                interfacesAt,
                local,
                defaultAction,
                from,
                intraZone,
                zone.node(),
                defaultNode == null ? null : defaultNode.location());
    }

    private static Ruleset ruleset(ConfigSection firewall, String word) {
        ConfigNode leaf = firewall.leaf(word);
        String name = leaf == null ? null : ConfigSection.valueOf(leaf);
        return name == null ? null : new Ruleset(name, leaf);
    }
}
