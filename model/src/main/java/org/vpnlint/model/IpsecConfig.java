package org.vpnlint.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The router's {@code vpn ipsec} configuration. {@code ikeInterfaces} is {@code ipsec-interfaces}/{@code interface}.
 * {@code autoFirewallNatExclude} is EdgeOS {@code auto-firewall-nat-exclude enable}
 * (docs/semantics/vyos-rendering.md#auto-firewall-nat-exclude); {@code routeAutoinstall} is false with
 * {@code options disable-route-autoinstall} (docs/semantics/vyos-rendering.md#disable-route-autoinstall);
 * {@code natTraversal} is null when unset (docs/semantics/strongswan.md#nat-traversal-option).
 * {@code profiles} are the DMVPN profiles ({@code vpn ipsec profile}).
 */
public record IpsecConfig(
        List<IpsecPeer> peers,
        Map<String, IkeGroup> ikeGroups,
        Map<String, EspGroup> espGroups,
        List<PskEntry> presharedKeys,
        List<String> ikeInterfaces,
        boolean autoFirewallNatExclude,
        boolean routeAutoinstall,
        Boolean natTraversal,
        List<IpsecProfile> profiles) {

    public static final IpsecConfig NONE =
            new IpsecConfig(List.of(), Map.of(), Map.of(), List.of(), List.of(), false, true, null);

    /** A configuration without DMVPN profiles (test fixtures and generated routers). */
    public IpsecConfig(
            List<IpsecPeer> peers,
            Map<String, IkeGroup> ikeGroups,
            Map<String, EspGroup> espGroups,
            List<PskEntry> presharedKeys,
            List<String> ikeInterfaces,
            boolean autoFirewallNatExclude,
            boolean routeAutoinstall,
            Boolean natTraversal) {
        this(
                peers,
                ikeGroups,
                espGroups,
                presharedKeys,
                ikeInterfaces,
                autoFirewallNatExclude,
                routeAutoinstall,
                natTraversal,
                List.of());
    }

    public IpsecConfig {
        peers = List.copyOf(peers);
        ikeGroups =
                java.util.Collections.unmodifiableMap(new TreeMap<>(ikeGroups)); // sorted: output must be deterministic
        espGroups =
                java.util.Collections.unmodifiableMap(new TreeMap<>(espGroups)); // sorted: output must be deterministic
        presharedKeys = List.copyOf(presharedKeys);
        ikeInterfaces = List.copyOf(ikeInterfaces);
        profiles = List.copyOf(profiles);
    }

    /** The DMVPN profile bound to this tunnel interface, if an enabled one is. */
    public java.util.Optional<IpsecProfile> profileBoundTo(String tunnelInterface) {
        return profiles.stream()
                .filter(p -> !p.disabled() && p.boundTunnels().contains(tunnelInterface))
                .findFirst();
    }
}
