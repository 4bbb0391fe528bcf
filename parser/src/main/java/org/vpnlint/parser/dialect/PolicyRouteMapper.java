package org.vpnlint.parser.dialect;

import static org.vpnlint.model.Approximation.Direction.UNKNOWN_ACTION;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.parser.ConfigNode;

/**
 * Policy routing → {@link PolicyRoute}s (docs/semantics/policy-routing.md):
 * <ul>
 *   <li>VyOS 1.4/1.5: {@code policy route|route6 NAME}, bound by its own {@code interface X} leaf; a rule's
 *       {@code set table N|main} or {@code set mark M}, {@code action drop|reject|accept|return};</li>
 *   <li>VyOS 1.2/1.3: {@code policy route|ipv6-route NAME} with the same rules, bound by
 *       {@code interfaces ... policy route|ipv6-route NAME};</li>
 *   <li>EdgeOS: {@code firewall modify|ipv6-modify NAME}, rules with {@code action modify} and
 *       {@code modify table N|main} or {@code modify mark M}, bound by {@code interfaces ... firewall in modify NAME}.</li>
 * </ul>
 * Settings that do not steer routing ({@code set tcp-mss}, {@code set dscp}, ...) are read and left out; a rule
 * left with nothing that steers routing is left out. EdgeOS {@code modify lb-group NAME} sends the connection to a
 * load-balance group ({@link PolicyRouteAction#LOAD_BALANCE}); {@link #loadBalancedBy()} says which rules name
 * which group, for {@link LoadBalanceMapper}. Each rule carries what could not be read of it
 * ({@link Approximation}): a match condition dropped or read as "any" (an unsupported match such as {@code state}
 * or {@code limit}, a group the file does not define such as EdgeOS's automatic {@code ADDRv4_eth0}) makes it
 * wider; a setting that steers in a way vpnlint does not read (VyOS {@code set vrf}, an unknown setting, an invalid
 * table) makes its action unknown, and without a table or verdict the rule is read as
 * {@link PolicyRouteAction#UNKNOWN}.
 */
final class PolicyRouteMapper {

    /** Rule settings that change the packet but not its route. */
    private static final String[] NOT_ROUTING = {"dscp", "tcp-mss", "ttl", "hop-limit", "connection-mark", "connmark"};

    private final MappingContext context;
    private final PacketMatchReader matches;
    private final Map<String, List<String>> loadBalancedBy = new LinkedHashMap<>();

    PolicyRouteMapper(MappingContext context) {
        this.context = context;
        this.matches = context.matches();
    }

    /** {@code policy} (VyOS) or null; {@code firewall} (EdgeOS) or null; {@code interfaces} for the bindings. */
    List<PolicyRoute> map(ConfigNode policy, ConfigNode firewall, ConfigNode interfaces) {
        Map<String, List<String>> v4Bindings = new LinkedHashMap<>();
        Map<String, List<String>> v6Bindings = new LinkedHashMap<>();
        if (context.legacySyntax()) legacyBindings(interfaces, v4Bindings, v6Bindings);
        List<PolicyRoute> routes = new ArrayList<>();
        if (context.dialect() == Dialect.EDGEOS) {
            if (firewall == null) return routes;
            for (ConfigNode ruleset : children(firewall.child("modify")))
                routes.add(ruleset(ruleset, false, v4Bindings));
            for (ConfigNode ruleset : children(firewall.child("ipv6-modify")))
                routes.add(ruleset(ruleset, true, v6Bindings));
            return routes;
        }
        if (policy == null) return routes;
        for (ConfigNode ruleset : children(policy.child("route"))) routes.add(ruleset(ruleset, false, v4Bindings));
        for (String word : List.of("route6", "ipv6-route")) {
            for (ConfigNode ruleset : children(policy.child(word))) routes.add(ruleset(ruleset, true, v6Bindings));
        }
        return routes;
    }

    /** EdgeOS: load-balance group name → the paths of the rules with {@code modify lb-group} that name it. */
    Map<String, List<String>> loadBalancedBy() {
        return loadBalancedBy;
    }

    private static List<ConfigNode> children(ConfigNode node) {
        return node == null ? List.of() : node.children();
    }

    /** 1.2/1.3 {@code interfaces ... policy route NAME}; EdgeOS {@code interfaces ... firewall in modify NAME}. */
    private void legacyBindings(ConfigNode interfaces, Map<String, List<String>> v4, Map<String, List<String>> v6) {
        boolean edgeos = context.dialect() == Dialect.EDGEOS;
        for (ConfiguredInterface configured : ConfiguredInterface.all(interfaces)) {
            ConfigNode binding = edgeos
                    ? configured.node().at("firewall", "in")
                    : configured.node().child("policy");
            if (binding == null) continue;
            bind(binding.child(edgeos ? "modify" : "route"), configured.name(), v4);
            bind(binding.child(edgeos ? "ipv6-modify" : "ipv6-route"), configured.name(), v6);
            if (!edgeos) bind(binding.child("route6"), configured.name(), v6);
        }
    }

    private static void bind(ConfigNode reference, String interfaceName, Map<String, List<String>> bindings) {
        if (reference == null || ConfigSection.valueOf(reference) == null) return;
        bindings.computeIfAbsent(ConfigSection.valueOf(reference), name -> new ArrayList<>())
                .add(interfaceName);
    }

    private PolicyRoute ruleset(ConfigNode node, boolean ipv6, Map<String, List<String>> legacyBindings) {
        ConfigSection section = new ConfigSection(node, context.problems());
        List<String> interfaces = context.legacySyntax()
                ? legacyBindings.getOrDefault(node.word(), List.of())
                : section.values("interface");
        List<PolicyRouteRule> rules = new ArrayList<>();
        for (ConfigSection rule : section.entries("rule")) {
            PolicyRouteRule read = rule(rule, ipv6);
            if (read != null) rules.add(read);
        }
        section.ignore("description", "enable-default-log", "default-log", "default-action");
        section.finish();
        return new PolicyRoute(node.word(), ipv6, interfaces, rules, section.path(), section.location());
    }

    private PolicyRouteRule rule(ConfigSection rule, boolean ipv6) {
        Integer number = rule.number();
        PacketMatch match = matches.read(rule, ipv6);
        ConfigNode actionNode = rule.leaf("action");
        String action = actionNode == null ? null : ConfigSection.valueOf(actionNode);
        boolean disabled = rule.flag("disable");
        ConfigSection set = rule.section(context.dialect() == Dialect.EDGEOS ? "modify" : "set");
        ConfigNode tableNode = null;
        String mark = null;
        String loadBalanceGroup = null;
        if (set != null) {
            tableNode = set.leaf("table");
            mark = set.value("mark");
            loadBalanceGroup = set.value("lb-group");
            notRead(set.leaf("vrf"), "(the VRF's table)");
            set.ignore(NOT_ROUTING);
            set.finish();
        }
        rule.ignore("description", "log", "log-options", "protocol", "source", "destination");
        rule.finish();
        if (number == null) return null;
        Integer table = tableNode == null ? null : tableNumber(tableNode);
        PolicyRouteAction verdict = verdict(actionNode, action);
        List<Approximation> approximations = approximations(rule, set);
        boolean actionUnread = approximations.stream().anyMatch(a -> a.direction() == UNKNOWN_ACTION);
        PolicyRouteAction read;
        long markValue = 0;
        if (loadBalanceGroup != null) {
            loadBalancedBy
                    .computeIfAbsent(loadBalanceGroup, group -> new ArrayList<>())
                    .add(rule.path());
            read = PolicyRouteAction.LOAD_BALANCE;
        } else if (table != null) read = PolicyRouteAction.SET_TABLE;
        else if (verdict != null) read = verdict;
        else if (actionUnread) read = PolicyRouteAction.UNKNOWN;
        else if (mark == null) return null; // EdgeOS "modify" without a table or mark: nothing that steers routing
        else {
            try {
                markValue = Long.decode(mark);
                read = PolicyRouteAction.SET_MARK;
            } catch (NumberFormatException notANumber) {
                context.problems().invalidValue(rule.node(), mark, "not a mark; the rule is ignored");
                return null;
            }
        }
        return new PolicyRouteRule(
                number,
                match,
                read,
                read == PolicyRouteAction.SET_TABLE ? table : 0,
                markValue,
                disabled,
                rule.path(),
                rule.location(),
                approximations);
    }

    /**
     * A setting that steers the packet in a way vpnlint does not read: reported, and the rule's action is unknown
     * (without a table or verdict it is read as if it did not steer the packet).
     */
    private void notRead(ConfigNode setting, String what) {
        if (setting == null) return;
        context.problems()
                .unsupported(
                        setting,
                        "'" + NodePath.of(setting) + "' " + what + " is not supported by vpnlint;"
                                + " the rule is read as if it did not steer the packet");
    }

    /**
     * What vpnlint could not read of the rule. Anything under {@code set}/{@code modify} it could not read is about
     * what the rule does, not which packets it matches: such an approximation says the action is unknown.
     */
    private List<Approximation> approximations(ConfigSection rule, ConfigSection set) {
        List<Approximation> underSet =
                set == null ? List.of() : context.problems().approximationsUnder(set.node());
        List<Approximation> approximations = new ArrayList<>();
        for (Approximation approximation : context.problems().approximationsUnder(rule.node())) {
            approximations.add(
                    underSet.contains(approximation)
                            ? Approximation.unknownAction(approximation.reason(), approximation.location())
                            : approximation);
        }
        return approximations;
    }

    /** {@code action drop|reject|accept|return}; EdgeOS's {@code modify} is no verdict (the settings say what). */
    private PolicyRouteAction verdict(ConfigNode node, String action) {
        if (action == null) return null;
        return switch (action) {
            case "drop", "reject" -> PolicyRouteAction.DROP;
            case "accept", "return" -> PolicyRouteAction.ACCEPT;
            case "modify" -> null;
            default -> {
                context.problems().invalidValue(node, action, "not an action vpnlint models; the action is unknown");
                context.problems()
                        .approximate(
                                node,
                                Approximation.unknownAction(
                                        "'" + NodePath.of(node) + " " + action + "' could not be read",
                                        node.location()));
                yield null;
            }
        };
    }

    /** {@code table N|main}; a value that is neither is reported, and the rule's action is unknown. */
    private Integer tableNumber(ConfigNode leaf) {
        String table = ConfigSection.valueOf(leaf);
        if (table == null) return null;
        if (table.equals("main")) return PolicyRouteRule.MAIN_TABLE;
        try {
            int number = Integer.parseInt(table);
            if (number >= 1 && number <= 65535) return number;
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        context.problems().invalidValue(leaf, table, "not a routing table; the rule's action is unknown");
        context.problems()
                .approximate(
                        leaf,
                        Approximation.unknownAction(
                                "'" + NodePath.of(leaf) + " " + table + "' is not a routing table", leaf.location()));
        return null;
    }
}
