package org.vpnlint.model;

import java.util.List;

/**
 * A set of WAN interfaces among which a load balancer spreads new connections: EdgeOS {@code load-balance group
 * NAME}, or the interfaces of one VyOS {@code load-balancing wan rule N}. A packet is sent to the group by a
 * policy-routing rule whose action is {@link PolicyRouteAction#LOAD_BALANCE} ({@code appliedBy} lists their
 * paths); which WAN a connection gets is not known from the configuration (weights are probabilities, failover
 * depends on health checks), so the data path leaves the choice open.
 *
 * @param sourceNat  whether the load balancer source-NATs each marked connection to its WAN's address (VyOS
 *                   without {@code disable-source-nat}; EdgeOS adds no NAT of its own)
 * @param localTraffic whether the router's own connections are balanced too (VyOS {@code enable-local-traffic},
 *                   EdgeOS {@code lb-local enable}; {@link Router#ownConnectionBalancing} holds the rules that do)
 * @param path       e.g. {@code load-balance group WLB} or {@code load-balancing wan rule 10}
 */
public record LoadBalanceGroup(
        String name,
        List<LoadBalancedWan> wans,
        boolean sourceNat,
        boolean localTraffic,
        List<String> appliedBy,
        String path,
        SourceLocation location) {

    public LoadBalanceGroup {
        wans = List.copyOf(wans);
        appliedBy = List.copyOf(appliedBy);
    }

    /** Whether this rule (by its path) sends packets to the group. */
    public boolean appliedBy(PolicyRouteRule rule) {
        return appliedBy.contains(rule.path());
    }
}
