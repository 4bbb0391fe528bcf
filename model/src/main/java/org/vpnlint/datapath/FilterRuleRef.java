package org.vpnlint.datapath;

import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.SourceLocation;

/** A firewall rule (or a chain's default action) as traces name it: "rule 20 of WAN_IN", "default action of forward". */
public record FilterRuleRef(int id, String label, FirewallAction action, SourceLocation location) {}
