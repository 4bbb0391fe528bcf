/**
 * Rules about the firewall and NAT tables themselves, read rule by rule in the kernel's order: rules that can never
 * match because earlier rules take every packet they could see ({@code nat-rule-unreachable},
 * {@code firewall-rule-unreachable}), a forward filter that matches an address DNAT has already rewritten
 * ({@code firewall-matches-pre-dnat-address}), and the router's own IKE traffic meeting the tables
 * ({@code ike-blocked-by-firewall}, {@code dnat-steals-ike}).
 *
 * <p>Technique: each rule's match is a box over header fields ({@link org.vpnlint.checks.tables.RuleBox}); the boxes
 * of earlier rules are indexed by overlap so that only the rules that can see a packet are compared, and a
 * conclusion is replayed concretely through the chains before it becomes a finding.
 */
package org.vpnlint.checks.tables;
