package org.vpnlint.cli.diff;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.Witness;
import org.vpnlint.checks.diff.ChangedNode;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.Fingerprint;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * The differences as findings, so that SARIF and GitHub annotations are written by {@code check}'s own reporters.
 * Each is located on the new version's changed line that causes it (for a removed node: the enclosing node the new
 * version still has), with the other causes as related locations and the new version's trace as the code flow.
 */
public final class DiffFindings {

    static final RuleMetadata NOW_CLEARTEXT = rule(
            "traffic-now-cleartext",
            "Traffic that was encrypted now leaves in cleartext",
            Level.ERROR,
            "8.1",
            "The change makes packets that an IPsec tunnel encrypted before leave the router unencrypted.");
    static final RuleMetadata NOW_DROPPED = rule(
            "traffic-now-dropped",
            "Traffic that passed is now dropped",
            Level.WARNING,
            null,
            "The change makes packets that were delivered, forwarded or encrypted before be dropped.");
    static final RuleMetadata CHANGED = rule(
            "traffic-changed",
            "Traffic changes fate",
            Level.NOTE,
            null,
            "The change makes packets take another tunnel, interface or translation, or be delivered where "
                    + "they were dropped.");
    static final RuleMetadata PEER_IKE_DIVERTED = rule(
            "peer-ike-now-diverted",
            "A tunnel peer's IKE, NAT-T or ESP no longer reaches the router",
            Level.WARNING,
            null,
            "The change makes a peer's IKE, NAT-T or ESP packets to the router's tunnel endpoint go elsewhere"
                    + " (a destination NAT rule forwards them, say) or be dropped, so strongSwan no longer receives"
                    + " them and the peer's tunnels cannot come up.");
    static final List<RuleMetadata> RULES = List.of(NOW_CLEARTEXT, NOW_DROPPED, CHANGED, PEER_IKE_DIVERTED);

    private DiffFindings() {}

    /** The result in {@code check}'s shape: one finding per difference, the diagnostics, the files compared. */
    public static AnalysisResult asAnalysis(DiffResult result) {
        List<ReportedFinding> findings = new ArrayList<>();
        for (FateDifference difference : result.differences()) {
            Finding finding = finding(difference);
            findings.add(new ReportedFinding(finding, Fingerprint.of(finding), null));
        }
        findings.sort(null);
        List<String> files =
                result.impacts().stream().map(RouterImpact::afterFile).toList();
        return new AnalysisResult(
                findings,
                List.of(),
                0,
                result.diagnostics(),
                files,
                result.impacts().size(),
                RULES,
                result.internalFailures());
    }

    static Finding finding(FateDifference difference) {
        RuleMetadata rule = difference.peerPacketDiverted()
                ? PEER_IKE_DIVERTED
                : switch (difference.level()) {
                    case ERROR -> NOW_CLEARTEXT;
                    case WARNING -> NOW_DROPPED;
                    case NOTE -> CHANGED;
                };
        List<ChangedNode> causes = difference.causes();
        SourceLocation location = causes.stream()
                .filter(c -> c.kind() == ChangedNode.Kind.ADDED)
                .findFirst()
                .or(() -> causes.stream().findFirst())
                .map(ChangedNode::shownAt)
                .orElse(SourceLocation.at(difference.afterFile(), 1, 1));
        List<RelatedLocation> related = new ArrayList<>();
        // in the new version's file: a removed node at the node that enclosed it
        for (ChangedNode cause : causes) related.add(new RelatedLocation(cause.shownAt(), cause.describe()));
        String subject = difference.before().packet().ingress() + "|"
                + difference.affected().describe() + "|" + FateDifferenceText.fates(difference);
        return Finding.of(rule.id(), difference.level())
                .message(difference.message())
                .at(location)
                .related(related)
                .witness(witness(difference))
                .trace(steps(difference.after()))
                .subject(subject)
                .build();
    }

    /**
     * The packet as it enters both versions; the WAN its connection is balanced to is named when a load balancer of
     * either version marked it (the choice is one input of both replays; the old version's balancer first).
     */
    static Witness witness(FateDifference difference) {
        Witness before = new ReplayedWitness(difference.before(), difference.saState()).witness();
        if (before.balancedTo() != null) return before;
        String after = ReplayedWitness.balancedTo(difference.after());
        return after == null
                ? before
                : new Witness(
                        before.src(),
                        before.dst(),
                        before.protocol(),
                        before.srcPort(),
                        before.dstPort(),
                        before.inInterface(),
                        before.saState(),
                        after);
    }

    static List<TraceStep> steps(PacketTrace trace) {
        return new ReplayedWitness(trace, "").steps();
    }

    private static RuleMetadata rule(String id, String title, Level level, String securitySeverity, String summary) {
        return RuleMetadata.builder(id)
                .title(title)
                .defaultLevel(level)
                .tags("diff")
                .securitySeverity(securitySeverity)
                .precision(RuleMetadata.Precision.VERY_HIGH)
                .summary(summary
                        + " Reported by vpnlint diff, which proves with Z3 which packets change fate between two versions"
                        + " of a router and replays one of each class on both.")
                .explanation("See docs/diff.md.")
                .build();
    }
}
