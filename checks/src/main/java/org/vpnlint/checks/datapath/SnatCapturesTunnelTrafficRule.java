package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.ReplayDisagreement;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;
import org.vpnlint.model.LoadBalanceGroup;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/**
 * A packet the tunnel should encrypt is source-NATed first and leaves unencrypted (or through another tunnel).
 *
 * <p>For each policy-based tunnel the solver looks for a packet arriving on an interface whose header after
 * destination NAT matches the tunnel's policy (lookup 1 chose this tunnel), that POSTROUTING translates, and that
 * then leaves in cleartext or encrypted by another tunnel, every SA being up. Because the question is asked of
 * the datapath pipeline itself, every detail of NAT matching counts exactly: an exclude after the SNAT rule, one
 * that covers part of the remote prefix, some protocols or ports, another interface; masquerade; rules without an
 * outbound interface; negations and ranges; other tunnels; EdgeOS auto-firewall-nat-exclude.
 *
 * <p>The witness is replayed through the concrete datapath of the tunnel's slice (see {@link TunnelTrafficSlice} for
 * why it behaves as the whole router); its source NAT step names the rule. To find every
 * rule that captures the tunnel, the question is asked again as if that rule were an exclude: in first-match
 * order this removes exactly the packets it matches first.
 */
public final class SnatCapturesTunnelTrafficRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("snat-captures-tunnel-traffic")
            .title("Source NAT translates traffic that an IPsec tunnel should encrypt")
            .defaultLevel(Level.ERROR)
            .tags("security", "ipsec", "nat")
            .securitySeverity("7.5")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary(
                    "Proves, with a concrete packet replayed through the Linux data path, that a packet matching a policy-based "
                            + "tunnel's selectors is source-NATed before IPsec and therefore leaves unencrypted (or through "
                            + "another tunnel) while the SA is up.")
            .explanation("""
            Linux runs source NAT in POSTROUTING, after the first IPsec policy lookup. When a packet is \
            source-NATed, the kernel looks the policy up again with the **translated** header, and that second \
            lookup decides. A packet 192.168.10.100 → 10.10.10.200 that matches the tunnel \
            192.168.10.0/24 ↔ 10.10.10.0/24 is rewritten to 203.0.113.134 → 10.10.10.200 by a NAT rule for the \
            LAN, no longer matches the policy, and is sent out of the WAN interface **in cleartext** — to be \
            dropped by the ISP, or worse, delivered to whoever owns 10.10.10.200 on the path.

            The usual fix is an `exclude` rule with a lower number than the translating rule, for the tunnel's \
            remote prefix on the same outbound interface. vpnlint checks the exact interplay: an exclude placed \
            after the SNAT rule, one that covers only part of the remote prefix or only some protocols, one on \
            another interface, masquerade, 1.4 rules without an outbound interface, and EdgeOS \
            `auto-firewall-nat-exclude`.""")
            .badExample("rules/snat-captures-tunnel-traffic/bad-masquerade.set")
            .fixedExample("rules/snat-captures-tunnel-traffic/good-exclude-before-snat.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            boolean balancerNats = router.loadBalanceGroups().stream().anyMatch(LoadBalanceGroup::sourceNat);
            boolean natRules =
                    router.nat() != null && !router.nat().sourceRules().isEmpty();
            if (!natRules && !balancerNats) continue;
            for (AddressFamily family : AddressFamily.values()) {
                // "no exclude rule comes first" is a claim about every source NAT rule
                findings.addAll(UnshownPart.gate(
                        router,
                        TunnelQuestions.forEachTunnel(
                                router,
                                family,
                                context,
                                METADATA.id(),
                                (tunnel, pipeline, slices) -> captures(
                                        router,
                                        tunnel,
                                        pipeline,
                                        slices.forTunnel(tunnel).nat().sourceRules(),
                                        balancerNats)),
                        RouterPart.NAT));
            }
        }
        return findings;
    }

    /**
     * Every question goes to a pipeline of the tunnel's slice ({@link TunnelQuestions}). Once rules are found, the goal also asks that none of them be the
     * first source NAT rule the packet matches: with those rules turned into excludes the goal holds for exactly
     * such packets (an exclude cannot source-NAT; every other packet meets the same first rule in both routers).
     */
    private List<Finding> captures(
            Router router,
            CompiledTunnel tunnel,
            DatapathQuestion shared,
            List<NatRule> mayMatch,
            boolean balancerNats) {
        List<Finding> findings = new ArrayList<>();
        PacketGoal goal = new CapturedBySourceNat(tunnel.ref());
        String question = METADATA.id() + ": " + tunnel.ref();
        WitnessPreferences preferences = new WitnessPreferences(tunnel.localSelectors(), tunnel.remoteSelectors());
        Set<NatRule> reported = new HashSet<>();
        // a load balancer's own source NAT is reported once, for the balancing rule the witness met first
        boolean balancerReported = !balancerNats;
        // only a translating rule that may match the tunnel's traffic (its slice) can capture it: without one left, no
        // packet can meet the goal, and the solver need not be asked
        while (!balancerReported || mayMatch.stream().anyMatch(rule -> translates(rule) && !reported.contains(rule))) {
            Set<Integer> setAside = positions(shared.router(), reported);
            if (balancerNats && balancerReported)
                setAside.add(shared.router().sourceNat().size() + 1);
            Answer answer = setAside.isEmpty()
                    ? shared.ask(goal, preferences)
                    : shared.ask(new NotFirstMatchOf(goal, setAside), preferences);
            if (answer instanceof Answer.Proved) break;
            if (answer instanceof Answer.Undecided undecided) {
                findings.add(UndecidedNote.solverGaveUp(
                        METADATA,
                        "source NAT captures traffic of " + tunnel.describe(),
                        undecided.reason(),
                        tunnel.location(),
                        tunnel.ref().toString()));
                break;
            }
            PacketTrace trace = WitnessReplay.confirm(shared.router(), (Answer.Found) answer, goal, question);
            ReplayedWitness replay = new ReplayedWitness(trace, "up");
            PolicyMark balancer = PolicyMark.of(router, replay.actedAt(Stage.POSTROUTING_SNAT));
            if (balancer != null && !balancerReported) {
                balancerReported = true;
                findings.add(
                        UndecidedNote.unlessInexact(balancerFinding(router, tunnel, balancer, replay), router, trace));
                continue;
            }
            NatRule snat = SourceNatSetAside.ruleAt(router.nat().sourceRules(), replay.actedAt(Stage.POSTROUTING_SNAT));
            if (snat == null || !reported.add(snat)) {
                throw new ReplayDisagreement(
                        question, trace, "names no source NAT rule that was not set aside already");
            }
            findings.add(UndecidedNote.unlessInexact(finding(router, tunnel, snat, replay), router, trace));
        }
        return findings;
    }

    private static boolean translates(NatRule rule) {
        return rule.translation() != null && rule.translation().kind() != NatTranslation.Kind.EXCLUDE;
    }

    /** 1 + the positions of these rules among the source NAT rules the pipeline evaluates (Outcome.sourceNatRule). */
    private static Set<Integer> positions(CompiledRouter pipeline, Set<NatRule> rules) {
        Set<Integer> positions = new HashSet<>();
        for (int i = 0; i < pipeline.sourceNat().size(); i++) {
            if (rules.contains(pipeline.sourceNat().get(i).rule())) positions.add(i + 1);
        }
        // a reported rule matched a packet of the tunnel's policy space, so the slice keeps it
        if (positions.size() != rules.size())
            throw new IllegalStateException("a reported source NAT rule is not in the pipeline");
        return positions;
    }

    /** The goal, for packets whose first matching source NAT rule is none of these (positions as in Outcome). */
    private record NotFirstMatchOf(PacketGoal goal, Set<Integer> positions) implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            B result = goal.on(a, router, packet, outcome);
            for (int position : positions) {
                result = a.and(
                        result, a.not(a.eq(outcome.sourceNatRule(), a.bits(position, CompiledRouter.INDEX_WIDTH))));
            }
            return result;
        }
    }

    /** SA up everywhere; arrives on an interface; lookup 1 picks this tunnel; SNAT; not encrypted by this tunnel. */
    private record CapturedBySourceNat(TunnelRef tunnelRef) implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            B goal = Ingresses.fromNetworkBehindInterface(a, router, packet);
            for (B up : packet.saUp()) goal = a.and(goal, up);
            V tunnel = a.bits(router.tunnelIndex(tunnelRef), CompiledRouter.INDEX_WIDTH);
            goal = a.and(
                    goal,
                    a.and(
                            outcome.firstLookup().matched(),
                            a.eq(outcome.firstLookup().tunnel(), tunnel)));
            goal = a.and(goal, outcome.sourceNatted());
            B elsewhere = a.and(outcome.verdictIs(a, Verdict.ENCRYPTED), a.not(a.eq(outcome.tunnel(), tunnel)));
            return a.and(goal, a.or(outcome.verdictIs(a, Verdict.CLEARTEXT), elsewhere));
        }
    }

    /**
     * The load balancer's own source NAT translated the connection: it runs ahead of every configured NAT rule, so
     * no exclude in {@code nat source} helps; keeping the tunnel's traffic out of load balancing does.
     */
    private static Finding balancerFinding(
            Router router, CompiledTunnel tunnel, PolicyMark balancer, ReplayedWitness replay) {
        PacketTrace trace = replay.trace();
        String message = balancer.rule().path() + " balances traffic that " + tunnel.describe()
                + " should encrypt, and the load balancer source-NATs each connection it balances: "
                + replay.packetText() + " matches the tunnel's policy, but is translated to the address of "
                + trace.egress() + " ahead of every NAT rule (an exclude in the NAT rules cannot stop it) and "
                + replay.fateText() + ", with the SA up.";
        List<RelatedLocation> related = new ArrayList<>();
        if (tunnel.location() != null) {
            related.add(new RelatedLocation(
                    tunnel.location(), "IPsec " + tunnel.ref() + ", whose traffic the load balancer translates"));
        }
        ConfigChange fix =
                LoadBalanceExclusionFix.forRule(router, balancer.ruleset(), balancer.rule(), tunnel.remoteSelectors());
        Finding.Builder finding = Finding.of(METADATA)
                .message(message)
                .at(balancer.rule().location())
                .related(related)
                .replay(replay)
                .subject(balancer.rule().path() + "|" + tunnel.ref());
        if (fix != null) finding.fix(router, fix);
        return finding.build();
    }

    private static Finding finding(Router router, CompiledTunnel tunnel, NatRule snat, ReplayedWitness replay) {
        PacketTrace trace = replay.trace();
        String fate = trace.verdict() == Verdict.ENCRYPTED
                ? "is encrypted by " + trace.tunnel()
                        + " instead (the policy lookup after source NAT matches that tunnel)"
                : "leaves " + trace.egress() + " in cleartext as " + trace.finalHeader()
                        + " (the policy lookup after source NAT matches no policy)";
        String message = snat.path() + " translates traffic that " + tunnel.describe() + " should encrypt: "
                + replay.packetText() + " matches the tunnel's policy, but source NAT runs first and the packet " + fate
                + ", with the SA up.";
        List<RelatedLocation> related = new ArrayList<>();
        if (tunnel.location() != null) {
            related.add(new RelatedLocation(
                    tunnel.location(), "IPsec " + tunnel.ref() + ", whose traffic " + snat.path() + " translates"));
        }
        ConfigChange fix = NatExcludeFix.forRule(router, snat, tunnel.remoteSelectors(), trace.egress());
        PolicyMark mark = PolicyMark.of(router, replay.actedAt(Stage.PREROUTING_POLICY_ROUTE));
        if (mark != null && mark.rule().action() == PolicyRouteAction.LOAD_BALANCE) {
            // the load balancer chose the translating WAN for this connection: keep the tunnel's traffic from it
            message += " Load balancing sent it there: " + mark.rule().path() + " let the load balancer give the"
                    + " connection " + trace.egress() + ", whose table is looked up before strongSwan's table 220.";
            related.add(new RelatedLocation(
                    mark.rule().location(),
                    mark.rule().path() + ", which may balance the tunnel's traffic to " + trace.egress()));
            ConfigChange exclusion =
                    LoadBalanceExclusionFix.forRule(router, mark.ruleset(), mark.rule(), tunnel.remoteSelectors());
            if (exclusion != null) fix = exclusion;
        } else if (mark != null && mark.rule().action() == PolicyRouteAction.SET_TABLE) {
            // policy routing moved the packet to the translating interface: keeping it in the main lookup keeps it
            // off that interface's source NAT (its ESP is routed without the mark either way)
            message += " Policy routing sent it there: " + mark.rule().label() + " marks it for table "
                    + mark.rule().table() + ", whose ip rule (pref "
                    + mark.rule().table()
                    + ") comes before strongSwan's table 220.";
            related.add(new RelatedLocation(
                    mark.rule().location(),
                    mark.rule().label() + ", which routes the tunnel's traffic to " + trace.egress()));
            ConfigChange exemption =
                    PolicyRouteExemptionFix.forRule(router, mark.ruleset(), mark.rule(), tunnel.remoteSelectors());
            if (exemption != null) fix = exemption;
        }
        return Finding.of(METADATA)
                .message(message)
                .at(snat.location())
                .related(related)
                .replay(replay)
                .fix(router, fix)
                .subject(snat.path() + "|" + tunnel.ref())
                .build();
    }
}
