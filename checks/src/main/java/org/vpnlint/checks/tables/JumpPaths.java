package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;

/**
 * The chains a hook runs and how a packet gets there: the base chain itself (no condition), and every named chain
 * with the jump rules on each way to it (a 1.3 {@code in} attachment is the jump "inbound eth0 → WAN_IN").
 * Earlier rules that might take a packet before a jump are not considered: this says where a rule can be seen.
 */
final class JumpPaths {

    private static final int MAX_DEPTH = 8; // VyOS rejects jump loops; this only guards against broken input

    private JumpPaths() {}

    /** Chain → the ways into it, each a list of jump rules whose conditions must all hold. */
    static Map<FirewallChain, List<List<FirewallRule>>> from(FirewallFamily family, FirewallChain base) {
        Map<FirewallChain, List<List<FirewallRule>>> paths = new LinkedHashMap<>();
        walk(family, base, List.of(), paths, 0);
        return paths;
    }

    /** The same for a hook with several base chains (the filter chain and the zone chain): the ways into each. */
    static Map<FirewallChain, List<List<FirewallRule>>> fromAll(FirewallFamily family, List<FirewallChain> bases) {
        Map<FirewallChain, List<List<FirewallRule>>> paths = new LinkedHashMap<>();
        for (FirewallChain base : bases) walk(family, base, List.of(), paths, 0);
        return paths;
    }

    private static void walk(
            FirewallFamily family,
            FirewallChain chain,
            List<FirewallRule> way,
            Map<FirewallChain, List<List<FirewallRule>>> paths,
            int depth) {
        paths.computeIfAbsent(chain, key -> new ArrayList<>()).add(way);
        if (depth >= MAX_DEPTH) return;
        for (FirewallRule rule : chain.rules()) {
            if (rule.disabled() || rule.action() != FirewallAction.JUMP) continue;
            FirewallChain target = family.named().get(rule.jumpTarget());
            if (target == null || target == chain) continue;
            List<FirewallRule> longer = new ArrayList<>(way);
            longer.add(rule);
            walk(family, target, longer, paths, depth + 1);
        }
    }
}
