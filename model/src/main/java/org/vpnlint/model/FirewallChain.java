package org.vpnlint.model;

import java.util.Comparator;
import java.util.List;

/**
 * A firewall chain: a base chain (forward, input, output) or a named ruleset. Rules run in ascending number;
 * when none decides, {@code defaultAction} applies (RETURN for a named chain means "back to the caller").
 * {@code location} is null for a base chain that the configuration does not mention.
 */
public record FirewallChain(
        String name, FirewallAction defaultAction, List<FirewallRule> rules, String path, SourceLocation location) {

    public FirewallChain {
        rules = rules.stream()
                .sorted(Comparator.comparingInt(FirewallRule::number))
                .toList();
    }

    /** A base chain that accepts everything: what Linux does when VyOS configures no filter there. */
    public static FirewallChain acceptAll(String name) {
        return new FirewallChain(name, FirewallAction.ACCEPT, List.of(), null, null);
    }
}
