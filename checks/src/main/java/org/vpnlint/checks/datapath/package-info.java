/**
 * Rules about how NAT, IPsec policies, the SA lifecycle and GRE interact on one router, each proved over the
 * executable datapath ({@link org.vpnlint.datapath}).
 *
 * <p>How a proving rule works: it states a {@link org.vpnlint.checks.datapath.PacketGoal} over the pipeline's outcome
 * (e.g. "lookup 1 picks tunnel 1, POSTROUTING translates, the verdict is cleartext, every SA up");
 * {@link org.vpnlint.checks.datapath.DatapathQuestion} asks the solver for a packet that meets it, with
 * {@link org.vpnlint.checks.datapath.WitnessPreferences} making the packet read like the configuration;
 * {@link org.vpnlint.checks.datapath.WitnessReplay} replays the packet concretely and checks the same goal again
 * (a disagreement is {@link org.vpnlint.checks.ReplayDisagreement}, an internal error); the finding carries
 * the replay's witness and trace, and a fix rendered in the file's own style by
 * {@link org.vpnlint.checks.FixFormatter}. A solver timeout becomes a note, never silence.
 */
package org.vpnlint.checks.datapath;
