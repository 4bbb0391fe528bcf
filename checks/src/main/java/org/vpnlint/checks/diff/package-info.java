/**
 * Change impact: what a change to a router's configuration does to its traffic ({@code vpnlint diff}).
 *
 * <h2>The question</h2>
 * Both versions of the router are compiled and run over one symbolic packet ({@link org.vpnlint.checks.diff.FatePair}):
 * the same header, the same ingress (an interface matched by name, the router's own packets, or the packets a tunnel
 * both versions have decrypted) and the same SA state for each tunnel both versions have (matched by peer and tunnel
 * number; a tunnel only the new version has gets a state of its own). Z3 is asked for a packet whose fate differs.
 * The fate is what the {@code trace} command ends with: the verdict (encrypted, cleartext, dropped, local,
 * unreachable), and what the verdict makes visible — for an encrypted packet the tunnel, the interface of its ESP
 * packet and the inner header after NAT; for a cleartext packet the interface and the header after NAT; for a
 * delivered packet the header it is delivered with. Why a packet is dropped (a filter or a blackhole) is not its fate:
 * a change that drops the same packets for another reason changes no traffic.
 *
 * <h2>Classes, until there is no other</h2>
 * A witness is replayed concretely on both versions ({@code Datapath.replay}); the replays must differ, else the
 * symbolic and the concrete data path disagree and the comparison stops with an internal error
 * ({@link org.vpnlint.checks.ReplayDisagreement}), never a finding. Its class ({@link org.vpnlint.checks.diff.FateKey}:
 * the ingress, and each version's verdict, tunnel and egress interface) is then blocked and the solver asked again,
 * until the answer is UNSAT: that answer is the proof that no other packet changes fate, and "no traffic changes fate"
 * is stated only on such a proof. A solver timeout, or more than {@link org.vpnlint.checks.diff.ChangeImpact#CLASS_LIMIT}
 * classes, ends the search with a note instead; the report then says the search did not finish.
 *
 * <h2>SA states</h2>
 * With {@link org.vpnlint.checks.diff.SaMode#BOTH} the search runs first with every SA up, then over every other
 * combination (the witness preferring every SA down), the classes of the first round staying blocked: a change that
 * only matters while an SA is down is still a change, and one that matters in both states is reported once.
 *
 * <h2>Readable reports</h2>
 * Witnesses are chosen by {@link org.vpnlint.checks.diff.WitnessReadability}'s soft preferences, which never change
 * which class is found (.100/.200 hosts of the tunnels' selectors and the connected networks, the same host at every
 * ingress where it can be, the ingress whose network holds the source, host addresses, TCP, port 22 from port 1024);
 * where one version delivers the class to the router itself, a peer's IKE, NAT-T or ESP packet is preferred when the class holds one. Around each witness
 * the widest destination prefix (the witness's source, protocol and ports fixed), then the widest source prefix, then
 * whether protocol and ports matter are measured, each widening a proof (UNSAT of "a packet of this space outside the
 * class"), so the report says "among them every packet from S to D" of proved spaces only; the class may hold more.
 * Classes at several ingresses that change the same way over the same space are reported as one difference listing
 * the ingresses. The addresses 0.0.0.0 and :: are left out: the model uses them for a dynamic address.
 *
 * <h2>Causes</h2>
 * {@link org.vpnlint.checks.diff.ChangedNodes} compares the two word trees by path of words (format, order, comments
 * and blank lines do not count) and reports the outermost node one version has and the other has not. A difference's
 * causes are the changes at, inside or around a node that acts in either trace (the NAT rule, route, tunnel or filter
 * rule a step names); when none does, every change is listed.
 *
 * <h2>What is not compared</h2>
 * Packets arriving on an interface only one version has, or on a loopback, dummy or disabled interface; IPv6 unless
 * either version has an IPv6 interface address; whether IKE between two routers still succeeds (that is
 * {@code vpnlint check}'s cross-router rules: run it on the new version). Each router is compared on its own, so in a
 * pair only the changed router shows differences. What vpnlint reads inexactly (diagnostics of the new version) is
 * listed with the report; the proof is about the model of both versions.
 */
package org.vpnlint.checks.diff;
