package org.vpnlint.datapath;

import org.vpnlint.model.NatRule;

/**
 * A NAT rule as it runs in its chain: the configured rule, or one VyOS/EdgeOS inserts itself
 * ({@code auto-firewall-nat-exclude}); {@code label} names it in traces ("rule 10").
 */
public record CompiledNatRule(NatRule rule, String label) {}
