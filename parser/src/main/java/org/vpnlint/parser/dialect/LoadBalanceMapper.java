package org.vpnlint.parser.dialect;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.LoadBalanceGroup;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.OwnConnectionRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.StaticRoute;
import org.vpnlint.parser.ConfigNode;

/**
 * WAN load balancing → what it installs (docs/semantics/wan-load-balancing.md): {@link LoadBalanceGroup}s, the
 * policy-routing rules that send connections to them, and one routing table per WAN holding a default route out
 * of that WAN.
 * <ul>
 *   <li>VyOS {@code load-balancing wan}: every {@code interface-health X} gets table 200 + its position (the
 *       daemon's mark offset 0xc8); every {@code rule N} becomes a one-rule ruleset bound to its
 *       {@code inbound-interface}, balancing among the rule's {@code interface}s or, with {@code exclude}, ending
 *       the load balancer's chain unmarked.</li>
 *   <li>EdgeOS {@code load-balance group NAME}: the group's interfaces, table 201, 202, ... in order unless the
 *       interface names its own {@code route table N}; the {@code firewall modify} rules with
 *       {@code modify lb-group NAME} (read by {@link PolicyRouteMapper}) send connections to it.</li>
 * </ul>
 * With VyOS {@code enable-local-traffic} every rule also runs for the router's own connections
 * ({@link OwnConnectionRule}: a balancing rule's {@code inbound-interface X} becomes "not leaving by X", an
 * exclude loses its interface condition); EdgeOS {@code lb-local enable} is read as balancing all of them over its
 * group, as the Vyatta daemon EdgeOS forked would (an assumption: EdgeOS is closed source).
 * Health checks, timers, hooks and conntrack flushing change when a WAN is chosen, not which WANs may be: they are
 * read and left out, since the data path lets any WAN of the group be the chosen one.
 */
final class LoadBalanceMapper {

    /** The first per-WAN table: VyOS's daemon numbers them 0xc8 + position; EdgeOS is assumed to do the same. */
    static final int FIRST_TABLE = 201;

    private static final String VYOS_PATH = "load-balancing wan";

    /** The per-WAN tables' default route: both load balancers balance IPv4 only. */
    private static final IPAddress ANY_IPV4 = new IPAddressString("0.0.0.0/0").getAddress();

    private final MappingContext context;

    LoadBalanceMapper(MappingContext context) {
        this.context = context;
    }

    /** What one configuration's load balancing installs. */
    record Installed(
            List<LoadBalanceGroup> groups,
            List<PolicyRoute> rulesets,
            List<StaticRoute> tables,
            List<OwnConnectionRule> ownConnections) {
        static final Installed NONE = new Installed(List.of(), List.of(), List.of(), List.of());
    }

    /** VyOS {@code load-balancing wan}; other load-balancing families (reverse-proxy, haproxy) are not analysed. */
    Installed mapVyos(ConfigNode loadBalancing) {
        ConfigNode wanNode = loadBalancing.child("wan");
        if (wanNode == null) return Installed.NONE;
        ConfigSection wan = new ConfigSection(wanNode, context.problems());
        boolean sourceNat = !wan.flag("disable-source-nat");
        boolean localTraffic = wan.flag("enable-local-traffic");
        if (localTraffic && context.dialect() == Dialect.VYOS_1_5) {
            localTrafficOnVyos15(wanNode.child("enable-local-traffic"));
            localTraffic = false;
        }
        Map<String, LoadBalancedWan> health = new LinkedHashMap<>();
        List<StaticRoute> tables = new ArrayList<>();
        for (ConfigSection checked : wan.entries("interface-health")) {
            String name = checked.node().word();
            int table = FIRST_TABLE + health.size();
            IPAddress nextHop = nextHop(checked);
            health.put(name, new LoadBalancedWan(name, 1, false, table, nextHop));
            tables.add(defaultRoute(name, nextHop, table, checked));
            checked.ignore("failure-count", "success-count", "test", "sla");
            checked.finish();
        }
        List<LoadBalanceGroup> groups = new ArrayList<>();
        List<PolicyRoute> rulesets = new ArrayList<>();
        List<OwnConnectionRule> ownConnections = new ArrayList<>();
        // the daemon installs its rules in rule-number order, whatever order the file lists them in
        List<ConfigSection> rules = wan.entries("rule");
        rules.sort(
                Comparator.comparingLong(rule -> ruleNumberForOrder(rule.node().word())));
        for (ConfigSection rule : rules) {
            readVyosRule(rule, health, sourceNat, localTraffic, groups, rulesets, ownConnections);
        }
        wan.ignore("sticky-connections", "flush-connections", "hook", "interval", "only-default-route");
        wan.finish();
        return new Installed(groups, rulesets, tables, ownConnections);
    }

    /** A rule's number for ordering; a word that is not a number sorts last (it is reported when read). */
    private static long ruleNumberForOrder(String word) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException notANumber) {
            return Long.MAX_VALUE;
        }
    }

    private void readVyosRule(
            ConfigSection rule,
            Map<String, LoadBalancedWan> health,
            boolean sourceNat,
            boolean localTraffic,
            List<LoadBalanceGroup> groups,
            List<PolicyRoute> rulesets,
            List<OwnConnectionRule> ownConnections) {
        Integer number = rule.number();
        PacketMatch match = context.matches().read(rule, false);
        String inbound = rule.value("inbound-interface");
        boolean exclude = rule.flag("exclude");
        boolean failover = rule.flag("failover");
        List<LoadBalancedWan> wans = new ArrayList<>();
        for (ConfigSection share : rule.entries("interface")) {
            String name = share.node().word();
            int weight = weight(share);
            share.finish();
            LoadBalancedWan checked = health.get(name);
            if (checked == null) {
                // the daemon keeps no mark for an interface without health settings: it cannot send there
                context.problems()
                        .invalidValue(
                                share.node().parent(),
                                name,
                                "has no 'interface-health " + name + "', so the load balancer has no table for it;"
                                        + " ignored");
                continue;
            }
            wans.add(new LoadBalancedWan(name, weight, failover, checked.table(), checked.nextHop()));
        }
        ConfigNode limit = rule.leaf("limit");
        if (limit != null) {
            context.problems()
                    .unsupported(
                            limit,
                            "'" + NodePath.of(limit) + "' is not supported by vpnlint: the rule is read as balancing"
                                    + " every matching connection, also those over the limit");
        }
        rule.ignore("description", "protocol", "source", "destination", "per-packet-balancing");
        rule.finish();
        if (number == null || inbound == null) return;
        if (!exclude && wans.isEmpty()) return; // the daemon installs nothing for it
        String path = rule.path();
        PolicyRouteAction action = exclude ? PolicyRouteAction.ACCEPT : PolicyRouteAction.LOAD_BALANCE;
        PolicyRouteRule read = new PolicyRouteRule(number, match, action, 0, 0, false, path, rule.location());
        // the daemon's chain matches each rule's inbound interface itself: one ruleset per rule keeps that binding
        PolicyRoute ruleset = new PolicyRoute(VYOS_PATH, false, List.of(inbound), List.of(read), path, rule.location());
        rulesets.add(ruleset);
        LoadBalanceGroup group = exclude
                ? null
                : new LoadBalanceGroup(
                        VYOS_PATH + " rule " + number,
                        wans,
                        sourceNat,
                        localTraffic,
                        List.of(path),
                        path,
                        rule.location());
        if (group != null) groups.add(group);
        if (localTraffic) {
            // the daemon's OUTPUT twin of the rule (vyatta-wanloadbalance src/lbdecision.cc, get_application_cmd):
            // a balancing rule matches what does not leave by its inbound interface, an exclude any interface
            InterfaceMatch outbound = exclude ? InterfaceMatch.ANY : new InterfaceMatch(List.of(inbound), true);
            ownConnections.add(new OwnConnectionRule(ruleset, read, outbound, group));
        }
    }

    /**
     * EdgeOS {@code load-balance group NAME}; {@code appliedBy} maps a group name to the paths of the
     * {@code firewall modify} rules that name it with {@code modify lb-group}.
     */
    Installed mapEdgeos(ConfigNode loadBalance, Map<String, List<String>> appliedBy) {
        ConfigSection section = new ConfigSection(loadBalance, context.problems());
        List<LoadBalanceGroup> groups = new ArrayList<>();
        List<StaticRoute> tables = new ArrayList<>();
        List<OwnConnectionRule> ownConnections = new ArrayList<>();
        for (ConfigSection group : section.entries("group")) {
            List<LoadBalancedWan> wans = new ArrayList<>();
            for (ConfigSection member : group.entries("interface")) {
                String name = member.node().word();
                int weight = weight(member);
                boolean failoverOnly = member.flag("failover-only");
                ConfigSection route = member.section("route");
                Integer ownTable = null;
                if (route != null) {
                    ownTable = ownTable(route);
                    route.ignore("default");
                    route.finish();
                }
                int table = ownTable != null ? ownTable : FIRST_TABLE + wans.size();
                wans.add(new LoadBalancedWan(name, weight, failoverOnly, table, null));
                // an interface with its own table has its routes there already ('protocols static table N')
                if (ownTable == null) tables.add(defaultRoute(name, null, table, member));
                member.ignore("route-test", "description");
                member.finish();
            }
            String lbLocal = group.value("lb-local");
            group.ignore(
                    "lb-local-metric-change",
                    "sticky",
                    "flush-on-active",
                    "exclude-local-dns",
                    "gateway-update-interval",
                    "transition-script");
            group.finish();
            String name = group.node().word();
            LoadBalanceGroup read = new LoadBalanceGroup(
                    name,
                    wans,
                    false,
                    "enable".equals(lbLocal),
                    appliedBy.getOrDefault(name, List.of()),
                    group.path(),
                    group.location());
            groups.add(read);
            if ("enable".equals(lbLocal) && !wans.isEmpty()) {
                ConfigNode setting = group.node().child("lb-local");
                if (ownConnections.isEmpty()) {
                    ownConnections.addAll(lbLocal(read, setting, group.node().child("exclude-local-dns")));
                } else secondLocalGroup(setting, ownConnections.get(0).group());
            }
        }
        section.finish();
        return new Installed(groups, List.of(), tables, ownConnections);
    }

    /**
     * EdgeOS {@code lb-local enable}: every new connection of the router's own (but ICMP and loopback, which the
     * Vyatta daemon's chain lets pass first) is balanced over the group. EdgeOS's exclusions are {@code firewall
     * modify} rules, which run in PREROUTING on the interfaces they are bound to, so none applies here.
     */
    private static List<OwnConnectionRule> lbLocal(LoadBalanceGroup group, ConfigNode setting, ConfigNode dns) {
        List<OwnConnectionRule> rules = new ArrayList<>();
        String path = group.path() + " lb-local";
        if (dns != null && "enable".equals(ConfigSection.valueOf(dns))) {
            // the router's own DNS queries (udp and tcp to port 53) keep their route
            PacketMatch queries = new PacketMatch(
                    AddressMatch.ANY,
                    AddressMatch.ANY,
                    ProtocolMatch.of(ProtocolMatch.UDP, ProtocolMatch.TCP),
                    PortMatch.ANY,
                    new PortMatch(List.of(new PortRange(53, 53)), false));
            rules.add(ownRule(group, NodePath.of(dns), queries, PolicyRouteAction.ACCEPT, dns, null));
        }
        rules.add(ownRule(group, path, PacketMatch.ANY, PolicyRouteAction.LOAD_BALANCE, setting, group));
        return rules;
    }

    private static OwnConnectionRule ownRule(
            LoadBalanceGroup group,
            String path,
            PacketMatch match,
            PolicyRouteAction action,
            ConfigNode at,
            LoadBalanceGroup balancedBy) {
        PolicyRouteRule rule = new PolicyRouteRule(1, match, action, 0, 0, false, path, at.location());
        PolicyRoute chain = new PolicyRoute(group.path(), false, List.of(), List.of(rule), path, at.location());
        return new OwnConnectionRule(chain, rule, InterfaceMatch.ANY, balancedBy);
    }

    /** A second group with {@code lb-local enable}: which one the router's own connections get is not known. */
    private void secondLocalGroup(ConfigNode setting, LoadBalanceGroup first) {
        context.problems()
                .unsupported(
                        setting,
                        "'" + NodePath.of(setting) + "' is not modelled by vpnlint: " + first.path() + " already"
                                + " balances the router's own connections, and which group EdgeOS gives them when two"
                                + " ask is not known; they are analysed as balanced by " + first.path() + " only");
    }

    /**
     * VyOS 1.5 rewrote the load balancer in nftables (vyos-1x data/templates/load-balancing/nftables-wlb.j2): it
     * marks the router's own connections in a {@code type filter} output chain, which routes nothing again, and
     * whether its source NAT then translates a connection that leaves by another WAN than the one it marked depends
     * on the build (an {@code oifname} condition was added later). Builds before the rewrite ran the Vyatta daemon
     * instead. Which one a 1.5 file meets is not in the file, so nothing is claimed about it.
     */
    private void localTrafficOnVyos15(ConfigNode setting) {
        context.problems()
                .unsupported(
                        setting,
                        "'" + NodePath.of(setting) + "' is not modelled by vpnlint for VyOS 1.5: its load balancer"
                                + " marks the router's own connections without routing them again, and whether it"
                                + " source-NATs them depends on the build; the router's own IKE, ESP and GRE are"
                                + " analysed as routed without load balancing");
    }

    private int weight(ConfigSection share) {
        String weight = share.value("weight");
        if (weight == null) return 1;
        try {
            int value = Integer.parseInt(weight);
            if (value >= 1) return value;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        context.problems().invalidValue(share.node(), weight, "not a weight; read as 1");
        return 1;
    }

    private Integer ownTable(ConfigSection route) {
        String table = route.value("table");
        if (table == null) return null;
        try {
            int number = Integer.parseInt(table);
            if (number >= 1 && number <= 65535 && number != StaticRoute.MAIN_TABLE) return number;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        context.problems().invalidValue(route.node(), table, "not a routing table; the group's own is assumed");
        return null;
    }

    /** VyOS {@code nexthop A}; {@code dhcp} (learned at run time) or an invalid value give null. */
    private IPAddress nextHop(ConfigSection checked) {
        String nextHop = checked.value("nexthop");
        if (nextHop == null || nextHop.equals("dhcp")) return null;
        try {
            return AddressSyntax.host(nextHop);
        } catch (InvalidValue e) {
            context.problems().invalidValue(checked.node(), nextHop, e.getMessage());
            return null;
        }
    }

    /** The per-WAN table's one route: default via the next hop, or out of the interface when it is not known. */
    private static StaticRoute defaultRoute(String wan, IPAddress nextHop, int table, ConfigSection at) {
        StaticRoute route = nextHop != null
                ? new StaticRoute(ANY_IPV4, RouteKind.NEXT_HOP, nextHop, null, 1, at.location())
                : new StaticRoute(ANY_IPV4, RouteKind.INTERFACE, null, wan, 1, at.location());
        return route.inTable(table);
    }
}
