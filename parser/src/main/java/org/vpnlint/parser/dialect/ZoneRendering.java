package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.model.ZoneChains;

/**
 * A zone policy as the chains of one address family, in the shape both VyOS backends give it (vyatta-zone's
 * iptables chains before 1.4, the nftables-zone template from 1.4; docs/semantics/zones.md):
 *
 * <ul>
 *   <li>a chain per zone, entered from the forward hook when the packet leaves through one of the zone's
 *       interfaces: traffic from the zone's own interfaces returns (or meets the intra-zone action or ruleset);
 *       traffic from each {@code from} zone's interfaces jumps to that ruleset and returns if it did not decide;
 *       everything else meets the zone's default action (drop unless reject);
 *   <li>for the local zone, a chain at the input hook (from each {@code from} zone's interfaces: its ruleset) and
 *       one at the output hook (to the interfaces of each zone that has {@code from LOCAL}: that ruleset), both
 *       letting loopback traffic pass and ending in the default action.
 * </ul>
 *
 * The jump rules into these chains are returned separately; where they go depends on the backend.
 */
final class ZoneRendering {

    private final ZonePolicy policy;
    private final boolean ipv6;
    private final Map<String, FirewallChain> rulesets;
    private final MappingProblems problems;

    final Map<String, FirewallChain> chains = new LinkedHashMap<>();
    final List<FirewallRule> forwardJumps = new ArrayList<>();
    final List<FirewallRule> inputJumps = new ArrayList<>();
    final List<FirewallRule> outputJumps = new ArrayList<>();

    /**
     * @param rulesets the family's named rulesets (references to others are reported and left out)
     * @param outputAlways whether the local zone's output chain is hooked even when no zone filters traffic from
     *     the local zone (1.4+); vyatta-zone hooks it only once some zone has a {@code from} the local zone
     */
    ZoneRendering(
            ZonePolicy policy,
            boolean ipv6,
            Map<String, FirewallChain> rulesets,
            boolean outputAlways,
            MappingProblems problems) {
        this.policy = policy;
        this.ipv6 = ipv6;
        this.rulesets = rulesets;
        this.problems = problems;
        if (!ipv6) reportInvalidZones();
        for (ZonePolicy.Zone zone : policy.zones()) {
            if (zone.local()) {
                local(zone, outputAlways);
            } else if (!zone.interfaces().isEmpty()) {
                transit(zone);
            }
        }
    }

    /** VyOS refuses these at commit; vpnlint says so once (in the IPv4 pass) and reads around them. */
    private void reportInvalidZones() {
        for (ZonePolicy.Zone zone : policy.zones()) {
            if (!zone.local() && zone.interfaces().isEmpty()) {
                problems.invalid(
                        zone.node(),
                        "'" + NodePath.of(zone.node()) + "' has no interfaces and is not the local zone;"
                                + " VyOS refuses it at commit, vpnlint ignores it");
            }
            for (ZonePolicy.From from : zone.from().values()) {
                if (policy.zone(from.zone()) == null) {
                    problems.invalid(
                            from.node(),
                            "'" + NodePath.of(from.node()) + "' names no configured zone; vpnlint ignores it");
                }
            }
        }
    }

    private void transit(ZonePolicy.Zone zone) {
        InterfaceMatch members = new InterfaceMatch(zone.interfaces(), false);
        List<FirewallRule> rules = new ArrayList<>();
        intraZone(zone, members, rules);
        for (ZonePolicy.From from : zone.from().values()) {
            ZonePolicy.Zone source = policy.zone(from.zone());
            if (source == null || source.local() || source.interfaces().isEmpty()) continue;
            jumpAndReturn(from.of(ipv6), new InterfaceMatch(source.interfaces(), false), InterfaceMatch.ANY, rules);
        }
        String name = ZoneChains.into(zone.name());
        chains.put(name, chain(name, zone, rules));
        forwardJumps.add(rule(FirewallAction.JUMP, name, InterfaceMatch.ANY, members, zone.interfacesAt()));
    }

    /** Traffic between the zone's own interfaces: passes unless intra-zone-filtering says otherwise. */
    private void intraZone(ZonePolicy.Zone zone, InterfaceMatch members, List<FirewallRule> rules) {
        ZonePolicy.IntraZone intra = zone.intraZone();
        SourceLocation at = intra == null ? zone.interfacesAt() : intra.location();
        if (intra != null && intra.action() == FirewallAction.DROP) {
            rules.add(rule(FirewallAction.DROP, null, members, InterfaceMatch.ANY, at));
            return;
        }
        if (intra != null && intra.action() == null && exists(intra.of(ipv6))) {
            rules.add(rule(FirewallAction.JUMP, intra.of(ipv6).name(), members, InterfaceMatch.ANY, at));
        }
        rules.add(rule(FirewallAction.RETURN, null, members, InterfaceMatch.ANY, at));
    }

    private void local(ZonePolicy.Zone zone, boolean outputAlways) {
        InterfaceMatch loopback = InterfaceMatch.of("lo");
        List<FirewallRule> in = new ArrayList<>();
        in.add(rule(
                FirewallAction.RETURN,
                null,
                loopback,
                InterfaceMatch.ANY,
                zone.node().location()));
        for (ZonePolicy.From from : zone.from().values()) {
            ZonePolicy.Zone source = policy.zone(from.zone());
            if (source == null || source.local() || source.interfaces().isEmpty()) continue;
            jumpAndReturn(from.of(ipv6), new InterfaceMatch(source.interfaces(), false), InterfaceMatch.ANY, in);
        }
        String toRouter = ZoneChains.toRouter(zone.name());
        chains.put(toRouter, chain(toRouter, zone, in));
        inputJumps.add(rule(
                FirewallAction.JUMP,
                toRouter,
                InterfaceMatch.ANY,
                InterfaceMatch.ANY,
                zone.node().location()));

        List<FirewallRule> out = new ArrayList<>();
        out.add(rule(
                FirewallAction.RETURN,
                null,
                InterfaceMatch.ANY,
                loopback,
                zone.node().location()));
        boolean filtered = false;
        for (ZonePolicy.Zone destination : policy.zones()) {
            ZonePolicy.From from = destination.from().get(zone.name());
            if (destination == zone || from == null || destination.interfaces().isEmpty()) continue;
            filtered |= from.ipv4() != null || from.ipv6() != null;
            jumpAndReturn(from.of(ipv6), InterfaceMatch.ANY, new InterfaceMatch(destination.interfaces(), false), out);
        }
        String fromRouter = ZoneChains.fromRouter(zone.name());
        chains.put(fromRouter, chain(fromRouter, zone, out));
        if (outputAlways || filtered) {
            outputJumps.add(rule(
                    FirewallAction.JUMP,
                    fromRouter,
                    InterfaceMatch.ANY,
                    InterfaceMatch.ANY,
                    zone.node().location()));
        }
    }

    /** The ruleset for traffic between two zones, then "return" for the same packets when it did not decide. */
    private void jumpAndReturn(
            ZonePolicy.Ruleset ruleset, InterfaceMatch inbound, InterfaceMatch outbound, List<FirewallRule> rules) {
        if (!exists(ruleset)) return;
        SourceLocation at = ruleset.leaf().location();
        rules.add(rule(FirewallAction.JUMP, ruleset.name(), inbound, outbound, at));
        rules.add(rule(FirewallAction.RETURN, null, inbound, outbound, at));
    }

    private boolean exists(ZonePolicy.Ruleset ruleset) {
        if (ruleset == null) return false;
        if (rulesets.containsKey(ruleset.name())) return true;
        problems.invalidValue(ruleset.leaf(), ruleset.name(), "no such ruleset; the zone is read without it");
        return false;
    }

    /** Zone chains have no configuration path: a fix cannot add rules to them. */
    private static FirewallChain chain(String name, ZonePolicy.Zone zone, List<FirewallRule> rules) {
        SourceLocation at = zone.defaultActionAt() != null
                ? zone.defaultActionAt()
                : zone.node().location();
        return new FirewallChain(name, zone.defaultAction(), numbered(rules), null, at);
    }

    static List<FirewallRule> numbered(List<FirewallRule> rules) {
        List<FirewallRule> numbered = new ArrayList<>();
        for (FirewallRule rule : rules) {
            numbered.add(new FirewallRule(
                    numbered.size() + 1,
                    rule.action(),
                    rule.jumpTarget(),
                    rule.match(),
                    rule.inbound(),
                    rule.outbound(),
                    rule.states(),
                    rule.ipsec(),
                    rule.disabled(),
                    rule.path(),
                    rule.location(),
                    rule.approximations()));
        }
        return numbered;
    }

    private static FirewallRule rule(
            FirewallAction action,
            String target,
            InterfaceMatch inbound,
            InterfaceMatch outbound,
            SourceLocation location) {
        return new FirewallRule(
                0, action, target, PacketMatch.ANY, inbound, outbound, Set.of(), IpsecMatch.ANY, false, null, location);
    }
}
