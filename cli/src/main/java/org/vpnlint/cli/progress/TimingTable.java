package org.vpnlint.cli.progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.cli.analysis.AnalysisListener;

/**
 * Collects how long each phase and each rule took (a rule's time summed over the networks) and prints it to
 * standard error after the report ({@code --timings}, {@code -v}), slowest rule first, so a user can see what is
 * slow. Times are never part of a report.
 */
public final class TimingTable implements AnalysisListener {
    private final Map<String, Duration> phases = new LinkedHashMap<>();
    private final Map<String, Duration> rules = new LinkedHashMap<>();

    @Override
    public void phaseFinished(String phase, Duration took) {
        phases.merge(phase, took, Duration::plus);
    }

    @Override
    public void ruleFinished(String ruleId, Duration took) {
        rules.merge(ruleId, took, Duration::plus);
    }

    /** Records a phase the analysis does not see, such as writing the report. */
    public void phase(String phase, Duration took) {
        phaseFinished(phase, took);
    }

    public void print(PrintWriter err) {
        err.println("vpnlint: timings");
        phases.forEach((phase, took) -> err.printf("  %8s  %s%n", millis(took), phase));
        List<Map.Entry<String, Duration>> slowestFirst = new ArrayList<>(rules.entrySet());
        slowestFirst.sort(
                Map.Entry.<String, Duration>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Duration> rule : slowestFirst) {
            err.printf("  %8s    rule %s%n", millis(rule.getValue()), rule.getKey());
        }
        err.flush();
    }

    private static String millis(Duration took) {
        return took.toMillis() + " ms";
    }
}
