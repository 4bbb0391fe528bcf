package org.vpnlint.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.model.Level;

/** The closing line of the text and GitHub reports, e.g. {@code 2 errors, 1 warning in 3 files (5 routers)}. */
final class Summary {

    private Summary() {}

    static String of(AnalysisResult result) {
        List<String> counts = new ArrayList<>();
        addCount(counts, result.count(Level.ERROR), "error");
        addCount(counts, result.count(Level.WARNING), "warning");
        addCount(counts, result.count(Level.NOTE), "note");
        StringBuilder line = new StringBuilder(counts.isEmpty() ? "no problems" : String.join(", ", counts));
        line.append(" in ")
                .append(plural(result.files().size(), "file"))
                .append(" (")
                .append(plural(result.routers(), "router"))
                .append(')');
        List<String> aside = new ArrayList<>();
        if (!result.suppressed().isEmpty()) aside.add(result.suppressed().size() + " suppressed");
        if (result.baselined() > 0) aside.add(result.baselined() + " in the baseline");
        long unreadable = result.diagnostics().stream()
                .filter(d -> d.level() == Level.ERROR)
                .count();
        if (unreadable > 0) aside.add(plural(unreadable, "input error"));
        if (!aside.isEmpty()) line.append("; ").append(String.join(", ", aside));
        return line.toString();
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static void addCount(List<String> counts, long count, String noun) {
        if (count > 0) counts.add(plural(count, noun));
    }
}
