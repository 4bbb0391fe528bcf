package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.Level;

/**
 * The two ends share no IKE version or IKE proposal (the IKE_SA fails), or a tunnel's ESP proposals or PFS group
 * differ (the CHILD_SA fails, in IKEv2 only at the first rekey when just PFS differs). VyOS defaults per version
 * are applied before comparing.
 */
public final class IpsecProposalMismatchRule implements PairRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("ipsec-proposal-mismatch")
            .title("The two ends share no IKE or ESP proposal")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "ike", "crypto")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary("Compares IKE version, IKE proposals (encryption, hash, PRF, DH group) and, per tunnel, ESP "
                    + "proposals and PFS of the two ends after filling in the defaults of each VyOS version.")
            .explanation("""
            Unset values are filled in before comparing: VyOS defaults `dh-group` to 2, encryption to aes128, \
            hash to sha1 and `pfs` to enable (the first IKE proposal's DH group is added to the ESP proposals); \
            EdgeOS writes no DH group unless one is set and no PFS group into ESP proposals. An unset \
            `key-exchange` means IKEv1 in 1.2/1.3 but "either" in 1.4+, where charon initiates IKEv2.

            No common IKE proposal or version: the responder answers NO_PROPOSAL_CHOSEN and no IKE_SA exists. \
            No common ESP proposal: the IKE_SA comes up but the CHILD_SA is refused. Different PFS groups: IKEv1 \
            Quick Mode fails at once; IKEv2 builds the first CHILD_SA without a DH exchange and fails at the \
            first rekey, typically an hour later.""")
            .badExample("pairs/proposal-mismatch-esp/east.boot", "pairs/proposal-mismatch-esp/west.boot")
            .fixedExample("pairs/proposals-overlap/east.boot", "pairs/proposals-overlap/west.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(PairAnalysis analysis, RuleContext context) {
        List<Finding> findings = new ArrayList<>(negotiationFailure(analysis, context, "ike-proposal", obstacle -> {
            if (obstacle == Obstacle.VERSION) return "no common IKE version";
            return obstacle == Obstacle.IKE_PROPOSAL ? "no common IKE proposal" : null;
        }));
        PeerEnd located = PairFindings.firstByFile(analysis.pair());
        List<String> problems = new ArrayList<>();
        for (PeerEnd proposer : List.of(located, analysis.pair().partnerOf(located))) {
            PeerEnd responder = analysis.pair().partnerOf(proposer);
            int version = responder.acceptsVersion(proposer.initiatingVersion()) ? proposer.initiatingVersion() : 0;
            for (ChildSaMatch match : ChildSaMatch.forEnd(analysis.pair(), proposer)) {
                if (match.counterpart() == null) continue;
                String problem = espProblem(match, proposer, version);
                if (problem != null) problems.add(problem);
            }
        }
        if (!problems.isEmpty()) {
            findings.add(PairFindings.simple(
                    METADATA,
                    Level.ERROR,
                    located,
                    analysis.pair().partnerOf(located),
                    "The ESP proposals of " + analysis.pair().describe() + " do not agree. CHILD_SA: "
                            + String.join("; ", new LinkedHashSet<>(problems)) + ".",
                    "esp-proposal",
                    null));
        }
        return findings;
    }

    /** What goes wrong with the ESP proposals of one tunnel proposed by {@code proposer}, or null. */
    private static String espProblem(ChildSaMatch match, PeerEnd proposer, int version) {
        PeerEnd responder = match.counterpart().end();
        List<EspAlgorithms> offered =
                VyosProposals.esp(proposer, match.proposed().tunnel());
        List<EspAlgorithms> accepted =
                VyosProposals.esp(responder, match.counterpart().tunnel());
        if (offered.isEmpty() || accepted.isEmpty()) return null;
        String proposals = proposer.label() + " " + match.proposed().name() + " offers ESP "
                + EspAlgorithms.renderAll(offered) + ", " + responder.label() + " "
                + match.counterpart().name() + " accepts " + EspAlgorithms.renderAll(accepted);
        if (!EspAlgorithms.cipherInCommon(offered, accepted)) {
            return proposals + ": no proposal in common, the CHILD_SA is refused (NO_PROPOSAL_CHOSEN) while the "
                    + "IKE_SA stays up";
        }
        String offeredPfs = offered.get(0).pfsGroup();
        String acceptedPfs = accepted.get(0).pfsGroup();
        if (Objects.equals(offeredPfs, acceptedPfs)) return null;
        return proposals + " (" + pfs(offeredPfs) + " vs " + pfs(acceptedPfs) + "): "
                + (version == 2
                        ? "IKEv2 builds the first CHILD_SA without a DH exchange, so it comes up, but every rekey fails "
                                + "with NO_PROPOSAL_CHOSEN"
                        : "IKEv1 Quick Mode fails with NO_PROPOSAL_CHOSEN");
    }

    private static String pfs(String group) {
        return group == null ? "no PFS" : "PFS " + DhGroups.keyword(group);
    }
}
