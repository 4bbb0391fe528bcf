package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.Level;

/**
 * A tunnel's local/remote prefixes are not the other end's remote/local prefixes: with no overlap the CHILD_SA is
 * refused (TS_UNACCEPTABLE); with a partial overlap strongSwan narrows the selectors and traffic outside them is
 * not tunnelled.
 */
public final class TunnelSelectorsNotMirroredRule implements PairRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("tunnel-selectors-not-mirrored")
            .title("Tunnel prefixes of the two ends do not mirror each other")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "child-sa")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Matches each tunnel of one end with the other end's tunnels by traffic selectors and computes what "
                            + "strongSwan negotiates: nothing (no overlap) or the narrowed intersection.")
            .explanation("""
            A tunnel's `local prefix` must be the other end's `remote prefix` and vice versa. The responder \
            chooses its child configuration by the proposed traffic selectors and narrows them to what it has \
            configured. With no overlap it answers TS_UNACCEPTABLE and no CHILD_SA is created; the IKE_SA stays \
            up, which makes the problem easy to miss. With a partial overlap the CHILD_SA is created for the \
            intersection only, and packets outside it are not encrypted (they follow the routing table). A \
            tunnel without prefixes uses the IKE addresses, which behind NAT differ on the two ends.""")
            .badExample("pairs/selectors-not-mirrored/east.boot", "pairs/selectors-not-mirrored/west.boot")
            .fixedExample(
                    "pairs/selectors-mirrored-multi-prefix/east.boot",
                    "pairs/selectors-mirrored-multi-prefix/west.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(PairAnalysis analysis, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        PeerEnd located = PairFindings.firstByFile(analysis.pair());
        List<String> problems = new ArrayList<>();
        boolean refused = false;
        // Each end proposes its own tunnels when it initiates, so both ends' tunnels must find a counterpart.
        for (PeerEnd proposer : List.of(located, analysis.pair().partnerOf(located))) {
            PeerEnd other = analysis.pair().partnerOf(proposer);
            for (ChildSaMatch match : ChildSaMatch.forEnd(analysis.pair(), proposer)) {
                if (match.mirrored()) continue;
                ChildSaConfig proposed = match.proposed();
                String offer = proposer.label() + " " + proposed.name() + " proposes TSi "
                        + proposed.local().render() + " === TSr "
                        + proposed.remote().render();
                if (match.counterpart() == null) {
                    refused = true;
                    problems.add(offer + ", but no tunnel of " + other.label() + " overlaps it: the responder "
                            + "answers TS_UNACCEPTABLE and no CHILD_SA is built");
                } else {
                    ChildSaConfig counterpart = match.counterpart();
                    problems.add(offer + "; " + other.label() + " " + counterpart.name() + " has local "
                            + counterpart.local().render() + ", remote "
                            + counterpart.remote().render()
                            + ": strongSwan narrows the CHILD_SA to "
                            + match.narrowedLocal().render() + " === "
                            + match.narrowedRemote().render() + " and traffic outside it is not tunnelled");
                }
            }
        }
        if (problems.isEmpty()) return findings;
        String message = "The tunnels of " + analysis.pair().describe() + " do not mirror each other. CHILD_SA: "
                + String.join("; ", new LinkedHashSet<>(problems)) + ".";
        findings.add(PairFindings.simple(
                METADATA,
                refused ? Level.ERROR : Level.WARNING,
                located,
                analysis.pair().partnerOf(located),
                message,
                "tunnel selectors",
                null));
        return findings;
    }
}
