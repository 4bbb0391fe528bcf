package org.vpnlint.oracle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the kernel needs to replay one case: the router's routes, rules, nftables and XFRM policies, and the
 * packet to send. This is the contract between a renderer (vpnlint model → kernel objects) and {@link KernelOracle}.
 *
 * @param name     what the case is, for messages
 * @param layout   addresses of the lan/rtr/wan namespaces
 * @param routes   routes on the router (the default route too: a case without one has none)
 * @param rules    policy-routing rules on the router
 * @param nft      the router's nftables (NAT and filter)
 * @param policies the router's XFRM policies
 * @param probe    the packet to send and where from
 */
public record KernelScenario(
        String name,
        TopologyLayout layout,
        List<Route> routes,
        List<RoutingRule> rules,
        NftRuleset nft,
        List<XfrmPolicy> policies,
        ProbePacket probe) {

    public KernelScenario {
        routes = List.copyOf(routes);
        rules = List.copyOf(rules);
        policies = List.copyOf(policies);
        Set<Integer> outboundReqids = new HashSet<>();
        for (XfrmPolicy policy : policies) {
            if (policy.direction() == PolicyDirection.OUT
                    && !outboundReqids.add(policy.template().reqid())) {
                throw new IllegalArgumentException(name + ": outbound policies share reqid "
                        + policy.template().reqid() + "; the oracle tells matched policies apart by reqid");
            }
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The outbound policy with this reqid, if the scenario has one. */
    public XfrmPolicy outboundPolicyWithReqid(int reqid) {
        return policies.stream()
                .filter(p ->
                        p.direction() == PolicyDirection.OUT && p.template().reqid() == reqid)
                .findFirst()
                .orElse(null);
    }

    /** Assembles a scenario step by step; starts from the standard layout and nothing installed. */
    public static final class Builder {
        private final String name;
        private TopologyLayout layout = TopologyLayout.standard();
        private final List<Route> routes = new ArrayList<>();
        private final List<RoutingRule> rules = new ArrayList<>();
        private NftRuleset nft = NftRuleset.empty();
        private final List<XfrmPolicy> policies = new ArrayList<>();
        private ProbePacket probe;

        private Builder(String name) {
            this.name = name;
        }

        public Builder layout(TopologyLayout newLayout) {
            this.layout = newLayout;
            return this;
        }

        public Builder route(Route route) {
            routes.add(route);
            return this;
        }

        public Builder rule(RoutingRule rule) {
            rules.add(rule);
            return this;
        }

        public Builder nft(NftRuleset ruleset) {
            this.nft = this.nft.plus(ruleset);
            return this;
        }

        public Builder policy(XfrmPolicy policy) {
            policies.add(policy);
            return this;
        }

        public Builder probe(ProbePacket packet) {
            this.probe = packet;
            return this;
        }

        public KernelScenario build() {
            if (probe == null) {
                throw new IllegalStateException(name + ": a scenario needs a probe packet");
            }
            return new KernelScenario(name, layout, routes, rules, nft, policies, probe);
        }
    }
}
