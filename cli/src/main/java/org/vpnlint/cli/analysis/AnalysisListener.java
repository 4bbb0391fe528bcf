package org.vpnlint.cli.analysis;

import java.time.Duration;
import java.util.List;

/**
 * Told what a run is doing while it runs, for progress on a terminal and the {@code --timings} table. Nothing told
 * here goes into a report: times differ from run to run, and reports must not.
 */
public interface AnalysisListener {

    AnalysisListener NONE = new AnalysisListener() {};

    /** A file was read and mapped; {@code done} of {@code total} files so far. */
    default void fileRead(String file, int done, int total) {}

    /** A rule starts on a network; {@code done} rule runs of {@code total} have finished. */
    default void ruleStarted(String ruleId, int done, int total) {}

    /** A rule finished on a network (or failed, or ran out of its budget) after {@code took}. */
    default void ruleFinished(String ruleId, Duration took) {}

    /** A phase of the run ("read and map", "rules", "report") finished after {@code took}. */
    default void phaseFinished(String phase, Duration took) {}

    /** Tells each listener in turn. */
    static AnalysisListener all(List<AnalysisListener> listeners) {
        List<AnalysisListener> each = List.copyOf(listeners);
        return new AnalysisListener() {
            @Override
            public void fileRead(String file, int done, int total) {
                each.forEach(l -> l.fileRead(file, done, total));
            }

            @Override
            public void ruleStarted(String ruleId, int done, int total) {
                each.forEach(l -> l.ruleStarted(ruleId, done, total));
            }

            @Override
            public void ruleFinished(String ruleId, Duration took) {
                each.forEach(l -> l.ruleFinished(ruleId, took));
            }

            @Override
            public void phaseFinished(String phase, Duration took) {
                each.forEach(l -> l.phaseFinished(phase, took));
            }
        };
    }
}
