package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;

/**
 * Turns a failed negotiation into a finding that names both ends: located at the end that rejects for identity
 * problems, else at the end whose file sorts first; related to the other end; with the exchange replayed step by
 * step in the message and as the trace.
 */
final class PairFindings {

    private PairFindings() {}

    static Finding negotiationFinding(
            RuleMetadata rule,
            PairAnalysis analysis,
            PairAnalysis.Reportable reportable,
            String problem,
            String subjectSuffix,
            RuleContext context) {
        DirectionOutcome outcome = reportable.outcome();
        NegotiationResult result = outcome.result();
        String headline = reportable.establishedOtherwise()
                ? "The IKE_SA between " + analysis.pair().describe() + " comes up only when the responding end "
                        + "negotiates on traffic; the start-up negotiation by "
                        + result.initiator().label()
                        + " fails: " + problem + "."
                : "The IKE_SA between " + analysis.pair().describe() + " cannot be established: " + problem + ".";
        PeerEnd located = locate(rule, analysis.pair(), result);
        PeerEnd other = analysis.pair().partnerOf(located);
        StringBuilder message = new StringBuilder(headline);
        message.append(" Replaying IKEv")
                .append(result.version())
                .append(" with ")
                .append(result.initiator().label())
                .append(" as initiator: ");
        List<String> sentences = new ArrayList<>();
        for (ExchangeStep step : result.steps()) sentences.add(step.exchange() + " — " + step.detail());
        message.append(String.join("; ", sentences)).append('.');
        message.append(outcome.addressCondition());
        if (outcome.publicAddressUnknown()) {
            IPAddress example = example(analysis, result, outcome, context);
            if (example != null) {
                message.append(" For example, with the NAT showing ")
                        .append(example.toCanonicalString())
                        .append(" the negotiation goes as replayed above.");
            }
        }
        List<TraceStep> trace = result.steps().stream()
                .map(s -> (TraceStep) new TraceStep.Note(s.exchange(), s.detail(), null, null, null))
                .toList();
        return Finding.of(rule.id(), reportable.level())
                .message(message.toString())
                .at(located.peer().location())
                .related(List.of(related(other)))
                .trace(trace)
                .subject(subject(located, subjectSuffix))
                .build();
    }

    static RelatedLocation related(PeerEnd other) {
        return new RelatedLocation(other.peer().location(), "the other end: " + other.label());
    }

    static String subject(PeerEnd end, String suffix) {
        return "peer " + end.peer().name() + (suffix.isEmpty() ? "" : " " + suffix);
    }

    static Finding simple(
            RuleMetadata rule,
            Level level,
            PeerEnd located,
            PeerEnd other,
            String message,
            String subjectSuffix,
            ConfigChange fix) {
        List<RelatedLocation> related = other == null ? List.of() : List.of(related(other));
        return Finding.of(rule.id(), level)
                .message(message)
                .at(located.peer().location())
                .related(related)
                .fix(located.router(), fix)
                .subject(subject(located, subjectSuffix))
                .build();
    }

    /**
     * Where a pairwise finding points: identity problems at the end that rejects (that is where the accepted
     * identity or PSK ids are written), everything else at the end whose file comes first, so that a pair always
     * reports at the same place.
     */
    private static PeerEnd locate(RuleMetadata rule, PeerPair pair, NegotiationResult result) {
        if (rule.id().equals(IkeIdMismatchBehindNatRule.METADATA.id()) && result.decidedBy() != null) {
            return result.decidedBy();
        }
        return firstByFile(pair);
    }

    /** The end whose router file sorts first. */
    static PeerEnd firstByFile(PeerPair pair) {
        String first = String.valueOf(pair.first().router().file());
        String second = String.valueOf(pair.second().router().file());
        return first.compareTo(second) <= 0 ? pair.first() : pair.second();
    }

    private static IPAddress example(
            PairAnalysis analysis, NegotiationResult result, DirectionOutcome outcome, RuleContext context) {
        Set<IPAddress> avoid = new LinkedHashSet<>(outcome.exceptions());
        avoid.addAll(result.responder().remoteAddresses());
        try {
            return NatAddressExample.outside(avoid, context);
        } catch (RuntimeException solverUnavailable) {
            // Z3 may be missing on this platform; the condition above already states the result exactly.
            return null;
        }
    }
}
