/**
 * The lint rules and what they share. A rule ({@link org.vpnlint.checks.Rule}) carries its metadata
 * ({@link org.vpnlint.checks.RuleMetadata}) and turns a {@link org.vpnlint.checks.Network} of parsed routers into
 * {@link org.vpnlint.checks.Finding}s; {@link org.vpnlint.checks.RuleRegistry} lists every rule. The rules live in
 * packages named by what they are about: {@code datapath} (NAT, IPsec policies, SA lifecycle and GRE proved over the
 * executable data path), {@code tables} (the firewall and NAT tables rule by rule), {@code ike} (the two ends of a
 * tunnel) and {@code diff} (what a change does to the traffic).
 *
 * <p>The rule kit, here at the root, is what every rule builds its findings from, so that no rule has a copy of its
 * own: {@link org.vpnlint.checks.Finding#of} (a finding with named parts), {@link org.vpnlint.checks.ReplayedWitness}
 * (a packet replayed through the concrete datapath, as witness and trace), {@link org.vpnlint.checks.UndecidedNote}
 * (what could not be decided, in one wording), {@link org.vpnlint.checks.ReplayDisagreement} (a witness the replay
 * does not confirm: an internal error) and {@link org.vpnlint.checks.ConfigChange} (a fix as configuration edits,
 * rendered by {@link org.vpnlint.checks.FixFormatter} in the file's own style). {@link
 * org.vpnlint.checks.RuleContext#onceFor} shares what several rules derive from one network.
 */
package org.vpnlint.checks;
