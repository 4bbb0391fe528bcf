package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/** Finds firewall chains and rules of a router by the configuration node a trace step names. */
final class FirewallChains {

    private FirewallChains() {}

    /** Every chain of both families: base chains first, then named ones. */
    static List<FirewallChain> all(Router router) {
        FirewallConfig config = router.firewall() == null ? FirewallConfig.OPEN : router.firewall();
        List<FirewallChain> chains = new ArrayList<>();
        for (FirewallFamily family : List.of(config.ipv4(), config.ipv6())) {
            if (family == null) continue;
            chains.addAll(family.allChains());
        }
        return chains;
    }

    /** The chain that owns this rule or default action (by its location), or null. */
    static FirewallChain chainAt(Router router, SourceLocation location) {
        if (location == null) return null;
        for (FirewallChain chain : all(router)) {
            if (location.equals(chain.location())) return chain;
            for (FirewallRule rule : chain.rules()) {
                if (location.equals(rule.location())) return chain;
            }
        }
        return null;
    }

    /** The rule at this location, or null (e.g. for a default action). */
    static FirewallRule ruleAt(FirewallChain chain, SourceLocation location) {
        if (chain == null || location == null) return null;
        return chain.rules().stream()
                .filter(r -> Objects.equals(location, r.location()))
                .findFirst()
                .orElse(null);
    }

    /**
     * A free rule number that runs just before {@code before} (after every rule when {@code before} is null), for a
     * suggested fix; null when the numbers around it leave no room.
     */
    static Integer freeNumberBefore(FirewallChain chain, FirewallRule before) {
        int previous = 0;
        for (FirewallRule rule : chain.rules()) {
            if (rule == before) break;
            previous = rule.number();
        }
        if (before == null) return (previous / 10 + 1) * 10;
        Integer free = null;
        for (int candidate = before.number() - 1; candidate > previous; candidate--) {
            if (free == null) free = candidate;
            if (candidate % 5 == 0) return candidate; // keep the usual spacing where possible
        }
        return free;
    }
}
