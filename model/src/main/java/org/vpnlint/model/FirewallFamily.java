package org.vpnlint.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The filter chains of one address family: the three base chains of the filter hooks and the named rulesets
 * they jump to. VyOS 1.3 interface attachments ({@code interfaces ethernet eth0 firewall in name X}) are
 * represented as jump rules in the base chains, as VyOS 1.4 itself writes them.
 *
 * <p>The zone base chains are the ones VyOS 1.4+ hooks right after the filter chains (nftables priority 1 against
 * 0) for its zone policy: a packet the filter chain accepts meets them too, and is accepted only when both accept.
 * They accept everything when the router has no zones, and before 1.4, where the zone jumps are rules of the one
 * iptables chain per hook (see docs/semantics/zones.md). The chains of the zones themselves are named chains
 * called as {@link ZoneChains} says.
 */
public record FirewallFamily(
        FirewallChain forward,
        FirewallChain input,
        FirewallChain output,
        Map<String, FirewallChain> named,
        FirewallChain zoneForward,
        FirewallChain zoneInput,
        FirewallChain zoneOutput) {

    public static final FirewallFamily OPEN = new FirewallFamily(
            FirewallChain.acceptAll("forward"),
            FirewallChain.acceptAll("input"),
            FirewallChain.acceptAll("output"),
            Map.of());

    public FirewallFamily {
        named = java.util.Collections.unmodifiableMap(new TreeMap<>(named)); // sorted: output must be deterministic
        if (zoneForward == null) zoneForward = FirewallChain.acceptAll(ZoneChains.FORWARD_HOOK);
        if (zoneInput == null) zoneInput = FirewallChain.acceptAll(ZoneChains.INPUT_HOOK);
        if (zoneOutput == null) zoneOutput = FirewallChain.acceptAll(ZoneChains.OUTPUT_HOOK);
    }

    /** A family without zone base chains. */
    public FirewallFamily(
            FirewallChain forward, FirewallChain input, FirewallChain output, Map<String, FirewallChain> named) {
        this(
                forward,
                input,
                output,
                named,
                FirewallChain.acceptAll(ZoneChains.FORWARD_HOOK),
                FirewallChain.acceptAll(ZoneChains.INPUT_HOOK),
                FirewallChain.acceptAll(ZoneChains.OUTPUT_HOOK));
    }

    /** Every chain: the filter base chains, the named ones, then the zone base chains. */
    public List<FirewallChain> allChains() {
        List<FirewallChain> chains = new ArrayList<>(Arrays.asList(forward, input, output));
        chains.addAll(named.values());
        chains.addAll(List.of(zoneForward, zoneInput, zoneOutput));
        chains.removeIf(Objects::isNull); // a base chain may be absent in a sliced or hand-built family
        return chains;
    }

    /** The base chains a forwarded packet runs through, in the kernel's order. */
    public List<FirewallChain> forwardChains() {
        return forward == null ? List.of(zoneForward) : List.of(forward, zoneForward);
    }

    public boolean isBase(FirewallChain chain) {
        return chain == forward
                || chain == input
                || chain == output
                || chain == zoneForward
                || chain == zoneInput
                || chain == zoneOutput;
    }
}
