package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.ZoneChains;
import org.vpnlint.parser.ConfigNode;

/**
 * The filter configuration → {@link FirewallConfig}, in the 1.4 shape: base chains forward/input/output that
 * jump to named chains.
 *
 * <p><b>1.4/1.5</b> ({@code firewall ipv4|ipv6 forward|input|output filter}, {@code firewall ipv4 name X}) is
 * taken as written. Base chains default to accept, named chains to drop.
 *
 * <p><b>1.2/1.3/EdgeOS</b> rulesets ({@code firewall name X}, {@code ipv6-name X}) run where they are attached:
 * {@code interfaces ethernet eth0 [vif N] firewall in name X} becomes the forward rule "inbound eth0 → jump X",
 * {@code out} "outbound eth0 → jump X" in forward, and {@code local} "inbound eth0 → jump X" in input. The
 * iptables backend (vyatta-cfg-firewall) renders a ruleset's {@code accept} as RETURN to the hook chain, so a
 * packet accepted by the {@code in} ruleset still meets the {@code out} ruleset of its egress interface, and is
 * accepted only when no ruleset drops it (the FORWARD policy is accept). The model therefore turns {@code accept}
 * inside a ruleset, and {@code default-action accept}, into {@link FirewallAction#RETURN}: exactly what VyOS's
 * own 1.4 migration (firewall 10-to-11) writes (docs/semantics/vyos-rendering.md#accept-becomes-return).
 *
 * <p><b>Zone policies</b> ({@code zone-policy} before 1.4, {@code firewall zone} from 1.4) become the chains
 * {@link ZoneRendering} builds. Before 1.4 the jumps into them are rules of the one iptables chain per hook, after
 * the interface attachments (vyatta-zone inserts them before the chain's last rule). From 1.4 they live in the
 * zone base chains, which nftables runs after the filter chains of the same hook.
 */
final class FirewallMapper {
    /** Global 1.2/1.3/EdgeOS knobs that set sysctls, not filter rules. */
    private static final String[] LEGACY_SYSCTLS = {
        "all-ping",
        "broadcast-ping",
        "config-trap",
        "ip-src-route",
        "ipv6-receive-redirects",
        "ipv6-src-route",
        "log-martians",
        "receive-redirects",
        "send-redirects",
        "source-validation",
        "syn-cookies",
        "twa-hazards-protection",
        "options",
        "conntrack-expect-table-size",
        "conntrack-hash-size",
        "conntrack-table-size",
        "conntrack-tcp-loose",
        "timeout"
    };

    private final MappingContext context;
    private final PacketMatchReader matches;

    FirewallMapper(MappingContext context) {
        this.context = context;
        this.matches = context.matches();
    }

    /** Any node may be null; a router without any firewall configuration is open. */
    FirewallConfig map(ConfigNode firewall, ConfigNode interfaces, ConfigNode zonePolicy) {
        if (context.legacySyntax()) {
            ZonePolicy zones = ZonePolicy.NONE;
            if (zonePolicy != null) {
                ConfigSection section = new ConfigSection(zonePolicy, context.problems());
                zones = ZonePolicy.read(section, context.problems());
                section.finish();
            }
            return legacy(firewall, interfaces, zones);
        }
        if (zonePolicy != null) {
            context.problems()
                    .unsupported(
                            zonePolicy,
                            "'zone-policy' is pre-1.4 syntax; VyOS 1.4 moved zones to 'firewall zone', so vpnlint"
                                    + " ignored it");
        }
        return current(firewall, interfaces);
    }

    // ---- 1.4 / 1.5 ----

    private FirewallConfig current(ConfigNode firewall, ConfigNode interfaces) {
        reportAttachmentsAsUnsupported(interfaces);
        if (firewall == null) return FirewallConfig.OPEN;
        ConfigSection section = new ConfigSection(firewall, context.problems());
        ConfigSection ipv4 = section.section("ipv4");
        ConfigSection ipv6 = section.section("ipv6");
        FirewallFamily v4 = ipv4 == null ? FirewallFamily.OPEN : family(ipv4, false);
        FirewallFamily v6 = ipv6 == null ? FirewallFamily.OPEN : family(ipv6, true);
        ZonePolicy zones = ZonePolicy.read(section, context.problems());
        if (!zones.isEmpty()) {
            v4 = withZoneChains(v4, zones, false);
            v6 = withZoneChains(v6, zones, true);
        }
        // global-options are sysctls (all-ping, syn-cookies, ...), except state-policy, which adds filter rules
        ConfigNode statePolicy = firewall.at("global-options", "state-policy");
        if (statePolicy != null) context.problems().unsupported(statePolicy);
        section.ignore("global-options");
        section.ignore("group"); // read by FirewallGroups
        section.finish();
        return new FirewallConfig(v4, v6);
    }

    private FirewallFamily family(ConfigSection family, boolean ipv6) {
        FirewallChain forward = baseChain(family, "forward", ipv6);
        FirewallChain input = baseChain(family, "input", ipv6);
        FirewallChain output = baseChain(family, "output", ipv6);
        Map<String, FirewallChain> named = new LinkedHashMap<>();
        for (ConfigSection chain : family.entries("name")) {
            named.put(chain.node().word(), chain(chain, chain.node().word(), FirewallAction.DROP, ipv6, false));
        }
        family.finish();
        return new FirewallFamily(forward, input, output, named);
    }

    /** 1.4+: the zone chains as named chains, hooked by the zone base chains (accepting what no zone takes). */
    private FirewallFamily withZoneChains(FirewallFamily family, ZonePolicy zones, boolean ipv6) {
        ZoneRendering rendering = new ZoneRendering(zones, ipv6, family.named(), true, context.problems());
        Map<String, FirewallChain> named = new LinkedHashMap<>(family.named());
        named.putAll(rendering.chains);
        return new FirewallFamily(
                family.forward(),
                family.input(),
                family.output(),
                named,
                zoneBase(ZoneChains.FORWARD_HOOK, rendering.forwardJumps),
                zoneBase(ZoneChains.INPUT_HOOK, rendering.inputJumps),
                zoneBase(ZoneChains.OUTPUT_HOOK, rendering.outputJumps));
    }

    private static FirewallChain zoneBase(String name, List<FirewallRule> jumps) {
        if (jumps.isEmpty()) return FirewallChain.acceptAll(name);
        return new FirewallChain(name, FirewallAction.ACCEPT, ZoneRendering.numbered(jumps), null, null);
    }

    private FirewallChain baseChain(ConfigSection family, String hook, boolean ipv6) {
        ConfigSection hookSection = family.section(hook);
        if (hookSection == null) return FirewallChain.acceptAll(hook);
        ConfigSection filter = hookSection.section("filter");
        hookSection.finish(); // e.g. "output raw", "prerouting raw" are not modelled
        if (filter == null) return FirewallChain.acceptAll(hook);
        return chain(filter, hook, FirewallAction.ACCEPT, ipv6, false);
    }

    private void reportAttachmentsAsUnsupported(ConfigNode interfaces) {
        for (ConfiguredInterface configured : ConfiguredInterface.all(interfaces)) {
            ConfigNode attachment = configured.node().child("firewall");
            if (attachment != null) {
                context.problems()
                        .unsupported(
                                attachment,
                                "'" + NodePath.of(attachment)
                                        + "' is pre-1.4 syntax; VyOS 1.4 attaches rulesets with jump rules, so vpnlint ignored it");
            }
        }
    }

    // ---- 1.2 / 1.3 / EdgeOS ----

    private FirewallConfig legacy(ConfigNode firewall, ConfigNode interfaces, ZonePolicy zones) {
        Map<String, FirewallChain> v4Named = new LinkedHashMap<>();
        Map<String, FirewallChain> v6Named = new LinkedHashMap<>();
        if (firewall != null) {
            ConfigSection section = new ConfigSection(firewall, context.problems());
            for (ConfigSection chain : section.entries("name")) {
                v4Named.put(chain.node().word(), chain(chain, chain.node().word(), FirewallAction.DROP, false, true));
            }
            for (ConfigSection chain : section.entries("ipv6-name")) {
                v6Named.put(chain.node().word(), chain(chain, chain.node().word(), FirewallAction.DROP, true, true));
            }
            section.ignore(LEGACY_SYSCTLS);
            section.ignore("group"); // read by FirewallGroups
            // EdgeOS policy routing: read by PolicyRouteMapper (VyOS 1.2/1.3 has no firewall modify)
            if (context.dialect() == org.vpnlint.model.Dialect.EDGEOS) section.ignore("modify", "ipv6-modify");
            section.finish(); // state-policy ... are reported here
        }
        Attachments v4 = new Attachments();
        Attachments v6 = new Attachments();
        for (ConfiguredInterface configured : ConfiguredInterface.all(interfaces)) {
            ConfigNode attachment = configured.node().child("firewall");
            if (attachment != null) attach(configured.name(), attachment, v4Named, v6Named, v4, v6);
        }
        if (!zones.isEmpty()) {
            v4.addZones(new ZoneRendering(zones, false, v4Named, false, context.problems()), v4Named);
            v6.addZones(new ZoneRendering(zones, true, v6Named, false, context.problems()), v6Named);
        }
        return new FirewallConfig(v4.family(v4Named), v6.family(v6Named));
    }

    /** The jump rules the attachments of one address family put into the base chains. */
    private static final class Attachments {
        final List<FirewallRule> forwardIn = new ArrayList<>();
        final List<FirewallRule> forwardOut = new ArrayList<>();
        final List<FirewallRule> input = new ArrayList<>();
        final List<FirewallRule> forwardZones = new ArrayList<>();
        final List<FirewallRule> output = new ArrayList<>();

        /** vyatta-zone's jumps come after the attachments' hook chains; its zone chains join the rulesets. */
        void addZones(ZoneRendering zones, Map<String, FirewallChain> named) {
            forwardZones.addAll(zones.forwardJumps);
            input.addAll(zones.inputJumps);
            output.addAll(zones.outputJumps);
            named.putAll(zones.chains);
        }

        FirewallFamily family(Map<String, FirewallChain> named) {
            List<FirewallRule> forward = new ArrayList<>(forwardIn);
            forward.addAll(forwardOut);
            forward.addAll(forwardZones);
            FirewallChain outputChain = output.isEmpty() ? FirewallChain.acceptAll("output") : base("output", output);
            return new FirewallFamily(base("forward", forward), base("input", input), outputChain, named);
        }

        /** Rules are renumbered 1, 2, ... in attachment order: in rulesets first, then out rulesets. */
        private static FirewallChain base(String hook, List<FirewallRule> jumps) {
            List<FirewallRule> numbered = new ArrayList<>();
            for (FirewallRule jump : jumps) {
                numbered.add(new FirewallRule(
                        numbered.size() + 1,
                        jump.action(),
                        jump.jumpTarget(),
                        jump.match(),
                        jump.inbound(),
                        jump.outbound(),
                        jump.states(),
                        jump.ipsec(),
                        jump.disabled(),
                        jump.path(),
                        jump.location(),
                        jump.approximations()));
            }
            return new FirewallChain(hook, FirewallAction.ACCEPT, numbered, null, null);
        }
    }

    private void attach(
            String interfaceName,
            ConfigNode attachment,
            Map<String, FirewallChain> v4Named,
            Map<String, FirewallChain> v6Named,
            Attachments v4,
            Attachments v6) {
        ConfigSection section = new ConfigSection(attachment, context.problems());
        for (String direction : List.of("in", "out", "local")) {
            ConfigSection hook = section.section(direction);
            if (hook == null) continue;
            jump(hook, "name", interfaceName, direction, v4Named, v4);
            jump(hook, "ipv6-name", interfaceName, direction, v6Named, v6);
            // EdgeOS: the modify ruleset bound for arriving packets is policy routing (PolicyRouteMapper)
            if (direction.equals("in") && context.dialect() == org.vpnlint.model.Dialect.EDGEOS) {
                hook.ignore("modify", "ipv6-modify");
            }
            hook.finish();
        }
        section.finish();
    }

    private void jump(
            ConfigSection hook,
            String word,
            String interfaceName,
            String direction,
            Map<String, FirewallChain> named,
            Attachments attachments) {
        ConfigNode reference = hook.leaf(word);
        if (reference == null || ConfigSection.valueOf(reference) == null) return;
        String target = ConfigSection.valueOf(reference);
        if (!named.containsKey(target)) {
            context.problems().invalidValue(reference, target, "no such ruleset; the attachment is ignored");
            return;
        }
        InterfaceMatch here = InterfaceMatch.of(interfaceName);
        boolean outbound = direction.equals("out");
        FirewallRule rule = new FirewallRule(
                0,
                FirewallAction.JUMP,
                target,
                PacketMatch.ANY,
                outbound ? InterfaceMatch.ANY : here,
                outbound ? here : InterfaceMatch.ANY,
                Set.of(),
                IpsecMatch.ANY,
                false,
                NodePath.of(reference),
                reference.location());
        switch (direction) {
            case "in" -> attachments.forwardIn.add(rule);
            case "out" -> attachments.forwardOut.add(rule);
            default -> attachments.input.add(rule);
        }
    }

    // ---- shared: chains and rules ----

    /**
     * A chain with its rules. {@code legacyRuleset} applies the accept → return reading described in the
     * class comment.
     */
    private FirewallChain chain(
            ConfigSection chain, String name, FirewallAction defaultAction, boolean ipv6, boolean legacyRuleset) {
        ConfigNode defaultNode = chain.leaf("default-action");
        FirewallAction fallback = defaultAction;
        String written = defaultNode == null ? null : ConfigSection.valueOf(defaultNode);
        if (written != null) {
            FirewallAction action = action(defaultNode, written);
            if (action == FirewallAction.JUMP) {
                context.problems()
                        .unsupported(
                                defaultNode,
                                "'" + NodePath.of(defaultNode) + " jump' is not supported"
                                        + " by vpnlint; the chain is read with default-action "
                                        + fallback.name().toLowerCase(Locale.ROOT));
            } else if (action != null) {
                fallback = action;
            }
        }
        if (legacyRuleset && fallback == FirewallAction.ACCEPT) fallback = FirewallAction.RETURN;
        List<FirewallRule> rules = new ArrayList<>();
        for (ConfigSection rule : chain.entries("rule")) {
            FirewallRule read = rule(rule, ipv6, legacyRuleset);
            if (read != null) rules.add(read);
        }
        chain.ignore("description", "enable-default-log", "default-log", "default-jump-target");
        chain.finish();
        return new FirewallChain(name, fallback, rules, chain.path(), chain.location());
    }

    private FirewallRule rule(ConfigSection rule, boolean ipv6, boolean legacyRuleset) {
        Integer number = rule.number();
        ConfigNode actionNode = rule.leaf("action");
        FirewallAction action = actionNode == null || ConfigSection.valueOf(actionNode) == null
                ? null
                : action(actionNode, ConfigSection.valueOf(actionNode));
        if (legacyRuleset && action == FirewallAction.ACCEPT) action = FirewallAction.RETURN;
        String jumpTarget = rule.value("jump-target");
        InterfaceMatch inbound = matches.interfaceMatch(rule, "inbound-interface");
        InterfaceMatch outbound = matches.interfaceMatch(rule, "outbound-interface");
        PacketMatch match = matches.read(rule, ipv6);
        Set<ConnectionState> states = states(rule.section("state"));
        IpsecMatch ipsec = ipsec(rule.section("ipsec"));
        boolean disabled = rule.flag("disable");
        rule.ignore("description", "log", "log-options");
        rule.finish();
        if (number == null) return null;
        if (action == null) {
            context.problems().invalid(rule.node(), "'" + rule.path() + "' has no valid action; vpnlint ignores it");
            return null;
        }
        if (action == FirewallAction.JUMP && jumpTarget == null) {
            context.problems()
                    .invalid(rule.node(), "'" + rule.path() + "' jumps without jump-target; vpnlint ignores it");
            return null;
        }
        return new FirewallRule(
                number,
                action,
                jumpTarget,
                match,
                inbound,
                outbound,
                states,
                ipsec,
                disabled,
                rule.path(),
                rule.location(),
                context.problems().approximationsUnder(rule.node()));
    }

    private FirewallAction action(ConfigNode node, String value) {
        return switch (value) {
            case "accept" -> FirewallAction.ACCEPT;
            case "drop" -> FirewallAction.DROP;
            case "reject" -> FirewallAction.REJECT;
            case "jump" -> FirewallAction.JUMP;
            case "return" -> FirewallAction.RETURN;
            case "continue" -> FirewallAction.CONTINUE;
            default -> {
                context.problems()
                        .invalidValue(
                                node,
                                value,
                                "not an action vpnlint models (accept, drop, reject," + " jump, return, continue)");
                yield null;
            }
        };
    }

    /**
     * {@code state established enable} (1.2/1.3, also accepted by early 1.4) or the 1.4 multi-value
     * {@code state established}; {@code disable} leaves a state out.
     */
    private Set<ConnectionState> states(ConfigSection state) {
        if (state == null) return Set.of();
        Set<ConnectionState> states = EnumSet.noneOf(ConnectionState.class);
        List<ConfigNode> unknown = new ArrayList<>();
        for (ConfigNode value : state.node().children()) {
            state.ignore(value.word());
            ConnectionState parsed = switch (value.word()) {
                case "new" -> ConnectionState.NEW;
                case "established" -> ConnectionState.ESTABLISHED;
                case "related" -> ConnectionState.RELATED;
                case "invalid" -> ConnectionState.INVALID;
                default -> null;
            };
            if (parsed == null) {
                context.problems().invalidValue(state.node(), value.word(), "not a connection state");
                unknown.add(value);
            } else if (!value.has("disable")) {
                states.add(parsed);
            }
        }
        // without the unknown state the list matches fewer packets; with nothing left it matches every state
        for (ConfigNode value : unknown) {
            context.problems()
                    .approximate(
                            value,
                            new Approximation(
                                    states.isEmpty() ? Approximation.Direction.WIDER : Approximation.Direction.NARROWER,
                                    "'" + NodePath.of(state.node()) + " " + value.word() + "' could not be read",
                                    value.location()));
        }
        return states;
    }

    /** {@code ipsec match-ipsec|match-none}; the rolling {@code -in} forms mean the same on inbound packets. */
    private static IpsecMatch ipsec(ConfigSection ipsec) {
        if (ipsec == null) return IpsecMatch.ANY;
        IpsecMatch match = IpsecMatch.ANY;
        if (ipsec.flag("match-ipsec") | ipsec.flag("match-ipsec-in")) match = IpsecMatch.IPSEC;
        if (ipsec.flag("match-none") | ipsec.flag("match-none-in")) match = IpsecMatch.NONE;
        ipsec.finish();
        return match;
    }
}
