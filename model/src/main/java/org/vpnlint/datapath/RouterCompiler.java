package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * Turns a {@link Router} into a {@link CompiledRouter} for one address family: routes ({@link RouteCompiler}),
 * tunnels and policies ({@link TunnelCompiler}), NAT chains and filter chains (here).
 */
final class RouterCompiler {

    private final Router router;
    private final AddressFamily family;
    private final IpsecConfig ipsec;
    private final List<String> notes = new ArrayList<>();

    RouterCompiler(Router router, AddressFamily family) {
        this.router = router;
        this.family = family;
        this.ipsec = router.ipsec() == null ? IpsecConfig.NONE : router.ipsec();
    }

    CompiledRouter compile() {
        RouteCompiler routeCompiler = new RouteCompiler(router, family, notes);
        List<CompiledTunnel> tunnels = new TunnelCompiler(router, family, ipsec, routeCompiler, notes).tunnels();
        List<PolicyEntry> policies = TunnelCompiler.policies(tunnels);
        List<CompiledPolicyRule> policyRouting = policyRouting();
        java.util.SortedSet<Integer> policyTables = new java.util.TreeSet<>();
        List<CompiledPolicyRule> ownConnectionBalancing = ownConnectionBalancing();
        for (CompiledPolicyRule rule : policyRouting) policyTables.addAll(rule.tables());
        for (CompiledPolicyRule rule : ownConnectionBalancing) policyTables.addAll(rule.tables());
        List<RouteEntry> routes = routeCompiler.routes(tunnels, policyTables);

        NatConfig nat = router.nat() == null ? NatConfig.NONE : router.nat();
        List<CompiledNatRule> destinationNat = new ArrayList<>();
        for (NatRule rule : nat.destinationRules()) {
            if (!rule.disabled() && familyOf(rule) == family)
                destinationNat.add(new CompiledNatRule(rule, "rule " + rule.number()));
        }
        List<CompiledNatRule> sourceNat = new ArrayList<>(autoNatExcludes(tunnels));
        for (NatRule rule : nat.sourceRules()) {
            if (!rule.disabled() && familyOf(rule) == family)
                sourceNat.add(new CompiledNatRule(rule, "rule " + rule.number()));
        }
        CompiledFirewall firewall = firewall(tunnels);
        CompiledConditions conditions = new CompiledConditions(
                family, router.interfaces(), policies, routes, destinationNat, sourceNat, firewall);
        return new CompiledRouter(
                router,
                family,
                router.interfaces(),
                tunnels,
                routes,
                policies,
                destinationNat,
                sourceNat,
                firewall,
                conditions,
                notes,
                policyRouting,
                ownConnectionBalancing);
    }

    // ---- policy routing ----------------------------------------------------------------------------------------

    /**
     * The rules that steer this family's packets, in the order mangle PREROUTING runs them. A rule that only sets a
     * mark is left out (it changes no route and the next rule still runs), and so is one whose action could not be
     * read ({@link org.vpnlint.model.PolicyRouteRule#steers()}); a ruleset bound to no interface sees no packet.
     */
    private List<CompiledPolicyRule> policyRouting() {
        List<CompiledPolicyRule> rules = new ArrayList<>();
        for (org.vpnlint.model.PolicyRoute ruleset : router.policyRoutes()) {
            if (ruleset.ipv6() != (family == AddressFamily.IPV6) || ruleset.boundTo() == null) continue;
            List<org.vpnlint.model.PolicyRouteRule> ordered = new ArrayList<>(ruleset.rules());
            ordered.sort(java.util.Comparator.comparingInt(org.vpnlint.model.PolicyRouteRule::number));
            for (org.vpnlint.model.PolicyRouteRule rule : ordered) {
                if (!rule.steers()) continue;
                rules.add(new CompiledPolicyRule(
                        ruleset,
                        rule,
                        ruleset.boundTo(),
                        router.loadBalanceGroupOf(rule).orElse(null)));
            }
        }
        return rules;
    }

    /**
     * The load balancer's rules for the router's own connections; both load balancers balance IPv4 only
     * (docs/semantics/wan-load-balancing.md).
     */
    private List<CompiledPolicyRule> ownConnectionBalancing() {
        if (family != AddressFamily.IPV4) return List.of();
        return router.ownConnectionBalancing().stream()
                .map(own -> new CompiledPolicyRule(own.ruleset(), own.rule(), own.outbound(), own.group()))
                .toList();
    }

    // ---- NAT and firewall --------------------------------------------------------------------------------------

    /**
     * EdgeOS auto-firewall-nat-exclude: accept (= no SNAT) local → remote of each tunnel with both prefixes, first
     * (docs/semantics/vyos-rendering.md#auto-firewall-nat-exclude).
     */
    private List<CompiledNatRule> autoNatExcludes(List<CompiledTunnel> tunnels) {
        List<CompiledNatRule> rules = new ArrayList<>();
        if (!ipsec.autoFirewallNatExclude()) return rules;
        for (CompiledTunnel tunnel : bothPrefixTunnels(tunnels)) {
            for (IPAddress local : tunnel.localSelectors()) {
                for (IPAddress remote : tunnel.remoteSelectors()) {
                    PacketMatch match = new PacketMatch(
                            prefixMatch(local), prefixMatch(remote), ProtocolMatch.ANY, PortMatch.ANY, PortMatch.ANY);
                    NatRule rule = new NatRule(
                            NatDirection.SOURCE,
                            0,
                            InterfaceMatch.ANY,
                            match,
                            NatTranslation.EXCLUDE,
                            false,
                            null,
                            "vpn ipsec auto-firewall-nat-exclude",
                            tunnel.location());
                    rules.add(new CompiledNatRule(rule, "auto-firewall-nat-exclude for " + tunnel.ref()));
                }
            }
        }
        return rules;
    }

    private CompiledFirewall firewall(List<CompiledTunnel> tunnels) {
        FirewallConfig config = router.firewall() == null ? FirewallConfig.OPEN : router.firewall();
        FirewallFamily chains = family == AddressFamily.IPV4 ? config.ipv4() : config.ipv6();
        if (chains == null) chains = FirewallFamily.OPEN;
        List<AutoAccept> forward = new ArrayList<>();
        List<AutoAccept> input = new ArrayList<>();
        if (ipsec.autoFirewallNatExclude()) {
            for (CompiledTunnel tunnel : bothPrefixTunnels(tunnels)) {
                for (IPAddress local : tunnel.localSelectors()) {
                    for (IPAddress remote : tunnel.remoteSelectors()) {
                        forward.add(new AutoAccept(
                                new PacketMatch(
                                        prefixMatch(remote),
                                        prefixMatch(local),
                                        ProtocolMatch.ANY,
                                        PortMatch.ANY,
                                        PortMatch.ANY),
                                "auto-firewall-nat-exclude accept for " + tunnel.ref(),
                                tunnel.location()));
                    }
                }
            }
            if (!ipsec.peers().isEmpty()) {
                input.add(new AutoAccept(
                        new PacketMatch(
                                AddressMatch.ANY,
                                AddressMatch.ANY,
                                ProtocolMatch.of(ProtocolMatch.UDP),
                                PortMatch.ANY,
                                new PortMatch(List.of(PortRange.of(500), PortRange.of(4500)), false)),
                        "auto-firewall-nat-exclude accept IKE",
                        null));
                input.add(new AutoAccept(
                        new PacketMatch(
                                AddressMatch.ANY,
                                AddressMatch.ANY,
                                ProtocolMatch.of(ProtocolMatch.ESP),
                                PortMatch.ANY,
                                PortMatch.ANY),
                        "auto-firewall-nat-exclude accept ESP",
                        null));
            }
        }
        return new CompiledFirewall(chains, forward, input);
    }

    /** Tunnels whose configuration names both a local and a remote prefix (what auto-firewall-nat-exclude covers). */
    private List<CompiledTunnel> bothPrefixTunnels(List<CompiledTunnel> tunnels) {
        return tunnels.stream()
                .filter(t -> t.hasPolicies() && !t.transportMode())
                .filter(t -> t.peer().tunnels().stream()
                        .anyMatch(c -> t.ref().isTunnel(c.number())
                                && !c.localPrefixes().isEmpty()
                                && !c.remotePrefixes().isEmpty()))
                .toList();
    }

    /** nat66 rules are IPv6, nat rules IPv4; addresses decide when the path does not say. */
    static AddressFamily familyOf(NatRule rule) {
        NatTranslation translation = rule.translation();
        if (translation != null && translation.addresses() != null) {
            return translation.addresses().getLower().isIPv4() ? AddressFamily.IPV4 : AddressFamily.IPV6;
        }
        for (AddressMatch match : List.of(rule.match().source(), rule.match().destination())) {
            if (!match.ranges().isEmpty())
                return match.ranges().get(0).getLower().isIPv4() ? AddressFamily.IPV4 : AddressFamily.IPV6;
        }
        return rule.path() != null && rule.path().contains("nat66") ? AddressFamily.IPV6 : AddressFamily.IPV4;
    }

    private static AddressMatch prefixMatch(IPAddress prefix) {
        return new AddressMatch(
                List.of(prefix.toPrefixBlock().toSequentialRange()), false, prefix.toCompressedString());
    }
}
