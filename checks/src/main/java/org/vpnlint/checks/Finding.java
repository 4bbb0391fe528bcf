package org.vpnlint.checks;

import java.util.List;
import java.util.Objects;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
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
        return toBuilder().level(newLevel).build();
    }

    /**
     * This finding withheld as a note: {@code message} says why and quotes it; the witness and trace stay, the fix
     * goes (nothing is proved to need fixing), and the subject is marked with {@code why} (e.g. "inexact").
     */
    public Finding asNote(String message, String why) {
        return toBuilder()
                .level(Level.NOTE)
                .message(message)
                .fix(null)
                .subject(subject + "|" + why)
                .build();
    }

    /** A finding of this rule at its default level. */
    public static Builder of(RuleMetadata rule) {
        return new Builder(rule.id(), rule.defaultLevel());
    }

    public static Builder of(String ruleId, Level level) {
        return new Builder(ruleId, level);
    }

    /** A builder that starts from this finding, to derive another (e.g. the note it becomes when undecided). */
    public Builder toBuilder() {
        return new Builder(ruleId, level)
                .message(message)
                .at(location)
                .related(related)
                .witness(witness)
                .trace(trace)
                .fix(fix)
                .subject(subject);
    }

    /** Names each part of a finding; related locations, witness, trace and fix are optional. */
    public static final class Builder {
        private final String ruleId;
        private Level level;
        private String message;
        private SourceLocation location;
        private List<RelatedLocation> related = List.of();
        private Witness witness;
        private List<TraceStep> trace = List.of();
        private String fix;
        private String subject;

        private Builder(String ruleId, Level level) {
            this.ruleId = ruleId;
            this.level = level;
        }

        public Builder level(Level level) {
            this.level = level;
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** The line most likely to be edited. */
        public Builder at(SourceLocation location) {
            this.location = location;
            return this;
        }

        public Builder related(List<RelatedLocation> related) {
            this.related = related;
            return this;
        }

        public Builder witness(Witness witness) {
            this.witness = witness;
            return this;
        }

        public Builder trace(List<TraceStep> trace) {
            this.trace = trace;
            return this;
        }

        /** The replayed packet that demonstrates the finding: its witness and its trace. */
        public Builder replay(ReplayedWitness replay) {
            return witness(replay.witness()).trace(replay.steps());
        }

        /** The suggested change, written as the router's file writes configuration; null for none. */
        public Builder fix(Router router, ConfigChange change) {
            return fix(change == null ? null : change.renderFor(router));
        }

        /** The suggested change already rendered (e.g. redacted for output), or null for none. */
        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        /** The configuration node, named so that unrelated edits do not change it (see {@link Finding}). */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Finding build() {
            Objects.requireNonNull(message, "message");
            return new Finding(ruleId, level, message, location, related, witness, trace, fix, subject);
        }
    }

    @Override
    public int compareTo(Finding other) {
        int byLocation = location.compareTo(other.location);
        if (byLocation != 0) return byLocation;
        int byRule = ruleId.compareTo(other.ruleId);
        return byRule != 0 ? byRule : message.compareTo(other.message);
    }
}
