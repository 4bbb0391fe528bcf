package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.ike.pairing.PeerPairing;

/**
 * A rule about the two ends of a tunnel: it looks at one pair of ends at a time. The pairs and the replay of their
 * negotiations ({@link PairAnalysis}) are made once per network and run, and shared by every pair rule.
 */
interface PairRule extends Rule {

    /** The findings about one pair of ends. */
    List<Finding> check(PairAnalysis analysis, RuleContext context);

    @Override
    default List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (PairAnalysis analysis : analyses(network, context)) findings.addAll(check(analysis, context));
        return findings;
    }

    /**
     * The finding for the pair's failed IKE negotiation when its obstacle is one this rule reports: {@code problem}
     * says what goes wrong, for the message, or gives null for an obstacle another rule reports.
     */
    default List<Finding> negotiationFailure(
            PairAnalysis analysis, RuleContext context, String subjectSuffix, Function<Obstacle, String> problem) {
        List<Finding> findings = new ArrayList<>();
        analysis.reportable().ifPresent(reportable -> {
            String what = problem.apply(reportable.obstacle());
            if (what != null) {
                findings.add(PairFindings.negotiationFinding(
                        metadata(), analysis, reportable, what, subjectSuffix, context));
            }
        });
        return findings;
    }

    /** The network's pairs of ends, analysed once for all the pair rules of the run. */
    static List<PairAnalysis> analyses(Network network, RuleContext context) {
        return context.onceFor(
                network,
                PairAnalysis.class,
                n -> new PeerPairing(n).pairs().stream().map(PairAnalysis::new).toList());
    }
}
