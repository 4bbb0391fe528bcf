package org.vpnlint.cli.analysis;

import java.time.Duration;

/**
 * How a run goes rather than what it analyses: each rule's time budget on each network (null: none; a rule that
 * runs out of it ends with a could-not-decide note) and who is told of the progress.
 */
public record RunSettings(Duration ruleBudget, AnalysisListener listener) {

    /** A rule may take this long on one network before it is stopped with a note. */
    public static final Duration DEFAULT_RULE_BUDGET = Duration.ofSeconds(60);

    public static RunSettings defaults() {
        return new RunSettings(DEFAULT_RULE_BUDGET, AnalysisListener.NONE);
    }
}
