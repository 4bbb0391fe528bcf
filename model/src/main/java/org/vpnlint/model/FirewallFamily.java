package org.vpnlint.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * The filter chains of one address family: the three base chains of the filter hooks and the named rulesets
 * they jump to. VyOS 1.3 interface attachments ({@code interfaces ethernet eth0 firewall in name X}) are
 * represented as jump rules in the base chains, as VyOS 1.4 itself writes them.
 */
public record FirewallFamily(
        FirewallChain forward, FirewallChain input, FirewallChain output, Map<String, FirewallChain> named) {

    public static final FirewallFamily OPEN = new FirewallFamily(
            FirewallChain.acceptAll("forward"),
            FirewallChain.acceptAll("input"),
            FirewallChain.acceptAll("output"),
            Map.of());

    public FirewallFamily {
        named = java.util.Collections.unmodifiableMap(new TreeMap<>(named)); // sorted: output must be deterministic
    }
}
