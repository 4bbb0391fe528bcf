package org.vpnlint.cli.report.html;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The columns of the tunnel inventory: what the rules prove about a tunnel, each decided by which rules fired on it.
 * A rule belongs to at most one property; the firewall and NAT hygiene rules belong to none (they are about rule
 * lists, not tunnels). Properties about the two ends agreeing can only be proved when both ends were given.
 */
enum TunnelProperty {
    IKE(
            "IKE establishes",
            true,
            "behind-nat-default-id",
            "dnat-steals-ike",
            "fqdn-id-without-at",
            "ike-blocked-by-firewall",
            "ike-id-mismatch-behind-nat",
            "ipsec-psk-mismatch",
            "local-address-not-on-router",
            "nat-t-missing",
            "no-initiator"),
    CHILD_SA(
            "selectors and proposals agree",
            true,
            "ipsec-proposal-mismatch",
            "protocol-selector-ignored",
            "tunnel-selectors-not-mirrored"),
    SA_UP(
            "encrypted with the SA up",
            false,
            "gre-not-protected",
            "nat-into-tunnel-misses-policy",
            "snat-captures-tunnel-traffic"),
    SA_DOWN("no cleartext with the SA down", false, "gre-leaks-when-sa-down", "tunnel-traffic-leaks-when-sa-down");

    /** Rules that look at firewall and NAT rule lists, or at DMVPN hubs and spokes, not at a site-to-site tunnel. */
    static final Set<String> NOT_ABOUT_TUNNELS = Set.of(
            "firewall-matches-pre-dnat-address",
            "firewall-rule-unreachable",
            "nat-rule-unreachable",
            "dmvpn-hub-spoke-mismatch");

    private final String title;
    private final boolean needsBothEnds;
    private final List<String> ruleIds;

    TunnelProperty(String title, boolean needsBothEnds, String... ruleIds) {
        this.title = title;
        this.needsBothEnds = needsBothEnds;
        this.ruleIds = List.of(ruleIds);
    }

    String title() {
        return title;
    }

    boolean needsBothEnds() {
        return needsBothEnds;
    }

    List<String> ruleIds() {
        return ruleIds;
    }

    /** The property a rule decides, or null for a rule that is not about tunnels. */
    static TunnelProperty decidedBy(String ruleId) {
        return Arrays.stream(values())
                .filter(p -> p.ruleIds.contains(ruleId))
                .findFirst()
                .orElse(null);
    }
}
