package org.vpnlint.model;

import java.util.List;

/**
 * A policy-routing ruleset: VyOS {@code policy route|route6 NAME} or EdgeOS {@code firewall modify|ipv6-modify NAME}.
 * It runs in the mangle PREROUTING hook (priority -150, before destination NAT) for packets arriving on one of
 * {@code interfaces}: 1.4/1.5 {@code policy route NAME interface X}, 1.2/1.3 {@code interfaces ... policy route
 * NAME}, EdgeOS {@code interfaces ... firewall in modify NAME}. Rules run in rule-number order. Names may end in
 * a wildcard ({@code eth*}, {@code eth+}); a ruleset bound to no interface sees no packet.
 *
 * @param ipv6 whether it is an IPv6 ruleset ({@code route6}, {@code ipv6-modify})
 * @param path the configuration path, e.g. {@code policy route WAN2}
 */
public record PolicyRoute(
        String name,
        boolean ipv6,
        List<String> interfaces,
        List<PolicyRouteRule> rules,
        String path,
        SourceLocation location) {

    public PolicyRoute {
        interfaces = List.copyOf(interfaces);
        rules = List.copyOf(rules);
    }

    /** The packets' input interfaces it sees, as an interface condition; null when bound to none. */
    public InterfaceMatch boundTo() {
        return interfaces.isEmpty() ? null : new InterfaceMatch(interfaces, false);
    }
}
