package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
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

    /** The network's pairs of ends, analysed once for all the pair rules of the run. */
    static List<PairAnalysis> analyses(Network network, RuleContext context) {
        return context.onceFor(
                network,
                PairAnalysis.class,
                n -> new PeerPairing(n).pairs().stream().map(PairAnalysis::new).toList());
    }
}
