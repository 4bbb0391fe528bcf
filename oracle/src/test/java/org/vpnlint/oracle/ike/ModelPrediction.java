package org.vpnlint.oracle.ike;

import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.ike.BehindNatDefaultIdRule;
import org.vpnlint.checks.ike.ChildSaMatch;
import org.vpnlint.checks.ike.DirectionOutcome;
import org.vpnlint.checks.ike.FqdnIdWithoutAtRule;
import org.vpnlint.checks.ike.IkeIdMismatchBehindNatRule;
import org.vpnlint.checks.ike.IpsecProposalMismatchRule;
import org.vpnlint.checks.ike.IpsecPskMismatchRule;
import org.vpnlint.checks.ike.LocalAddressNotOnRouterRule;
import org.vpnlint.checks.ike.NatTMissingRule;
import org.vpnlint.checks.ike.NoInitiatorRule;
import org.vpnlint.checks.ike.PairAnalysis;
import org.vpnlint.checks.ike.TunnelSelectorsNotMirroredRule;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.checks.ike.pairing.PeerPairing;
import org.vpnlint.model.Level;

/**
 * What vpnlint predicts for a pair: the IKE_SA comes up exactly when none of the rules that describe an IKE_SA
 * failure reports an error, and the first CHILD_SA proposed by {@code proposer} (the end vpnlint expects to
 * initiate) is negotiated unless a selector or ESP proposal error says otherwise, narrowed to the intersection of
 * the two ends' selectors.
 */
record ModelPrediction(
        boolean paired,
        boolean established,
        String proposer,
        IkeObservation.ChildOutcome child,
        IkeObservation.Narrowing narrowing,
        List<Finding> findings) {

    private static final Set<String> IKE_SA_RULES =
            Set.of("ike-id-mismatch-behind-nat", "ipsec-psk-mismatch", "no-initiator", "local-address-not-on-router");

    static final List<Rule> RULES = List.of(
            new IkeIdMismatchBehindNatRule(),
            new LocalAddressNotOnRouterRule(),
            new BehindNatDefaultIdRule(),
            new FqdnIdWithoutAtRule(),
            new IpsecProposalMismatchRule(),
            new IpsecPskMismatchRule(),
            new TunnelSelectorsNotMirroredRule(),
            new NoInitiatorRule(),
            new NatTMissingRule());

    static ModelPrediction of(Network network) {
        RuleContext context = new RuleContext(() -> {
            throw new IllegalStateException("the strongSwan oracle declares every NAT address; no solver needed");
        });
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : RULES) findings.addAll(rule.check(network, context));
        List<PeerPair> pairs = new PeerPairing(network).pairs();
        boolean paired = pairs.size() == 1;
        List<PeerEnd> initiators = paired ? new PairAnalysis(pairs.get(0)).initiators() : List.of();

        String proposer =
                initiators.isEmpty() ? "nobody" : initiators.get(0).router().name();
        // A finding about a NAT whose public address vpnlint does not know holds "unless the NAT uses X"; the
        // oracle knows the address, so it checks the prediction at that address.
        PairAnalysis analysis = paired ? new PairAnalysis(pairs.get(0)) : null;
        boolean establishedAtActualAddress = analysis != null
                && analysis.reachingDirections().stream().anyMatch(DirectionOutcome::publicAddressUnknown)
                && analysis.establishedWhenNatShows(new IPAddressString(TopologyPlan.LEFT_PUBLIC).getAddress());
        boolean localAddressError = findings.stream()
                .anyMatch(f -> f.level() == Level.ERROR && f.ruleId().equals("local-address-not-on-router"));
        boolean pairwiseIkeError = findings.stream()
                .anyMatch(f -> f.level() == Level.ERROR
                        && (IKE_SA_RULES.contains(f.ruleId())
                                || f.ruleId().equals("ipsec-proposal-mismatch")
                                        && f.subject().endsWith("ike-proposal")));
        boolean ikeFails = localAddressError || pairwiseIkeError && !establishedAtActualAddress;
        IkeObservation.ChildOutcome child = IkeObservation.ChildOutcome.NEGOTIATED;
        for (Finding finding : findings) {
            if (finding.level() != Level.ERROR) continue;
            if (finding.ruleId().equals("tunnel-selectors-not-mirrored")) {
                child = IkeObservation.ChildOutcome.TS_UNACCEPTABLE;
            } else if (finding.ruleId().equals("ipsec-proposal-mismatch")
                    && finding.subject().endsWith("esp-proposal")
                    && finding.message().contains("no proposal in common")
                    && child == IkeObservation.ChildOutcome.NEGOTIATED) {
                child = IkeObservation.ChildOutcome.NO_PROPOSAL;
            }
        }
        IkeObservation.Narrowing narrowing = null;
        if (!initiators.isEmpty()) {
            ChildSaMatch first =
                    ChildSaMatch.forEnd(pairs.get(0), initiators.get(0)).get(0);
            if (first.counterpart() != null) {
                narrowing = new IkeObservation.Narrowing(
                        first.narrowedLocal().render(), first.narrowedRemote().render());
            }
        }
        return new ModelPrediction(paired, !ikeFails, proposer, child, narrowing, findings);
    }

    String summary() {
        return (established ? "established" : "fails") + " "
                + findings.stream()
                        .map(f -> f.level().id() + ":" + f.ruleId() + "(" + f.subject() + ")")
                        .toList();
    }
}
