package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * A problem a rule found and, where the rule proves something, confirmed by replaying {@code witness} through
 * the concrete datapath ({@code trace}). {@code location} is the line most likely to be edited.
 * {@code subject} names the configuration node in a way that does not change when unrelated lines move
 * (e.g. {@code nat source rule 10|peer 192.0.2.150 tunnel 1}); fingerprints for baselines and SARIF come from it.
 * {@code fix} is a suggested change in the file's own syntax, or null.
 */
public record Finding(
        String ruleId,
        Level level,
        String message,
        SourceLocation location,
        List<RelatedLocation> related,
        Witness witness,
        List<TraceStep> trace,
        String fix,
        String subject)
        implements Comparable<Finding> {

    public Finding {
        related = List.copyOf(related);
        trace = List.copyOf(trace);
    }

    public Finding withLevel(Level newLevel) {
        return new Finding(ruleId, newLevel, message, location, related, witness, trace, fix, subject);
    }

    @Override
    public int compareTo(Finding other) {
        int byLocation = location.compareTo(other.location);
        if (byLocation != 0) return byLocation;
        int byRule = ruleId.compareTo(other.ruleId);
        return byRule != 0 ? byRule : message.compareTo(other.message);
    }
}
