/**
 * The lint rules and what they share. A rule ({@link org.vpnlint.checks.Rule}) carries its metadata
 * ({@link org.vpnlint.checks.RuleMetadata}) and turns a {@link org.vpnlint.checks.Network} of parsed routers into
 * {@link org.vpnlint.checks.Finding}s; {@link org.vpnlint.checks.RuleRegistry} lists every rule. The rules live in
 * packages named by what they are about: {@code datapath} (NAT, IPsec policies, SA lifecycle and GRE proved over the
 * executable data path), {@code tables} (the firewall and NAT tables rule by rule), {@code ike} (the two ends of a
 * tunnel) and {@code diff} (what a change does to the traffic).
 */
package org.vpnlint.checks;
