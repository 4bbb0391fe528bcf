package org.vpnlint.cli.diff;

import java.util.List;
import org.vpnlint.checks.diff.ChangedNode;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/**
 * {@code vpnlint diff}'s human report: per router pair, the proof that no traffic changes fate, or each class of
 * changed packets as {@code file:line:col: level: message} (on the new version's changed line), its witness, the
 * changed lines that cause it and, with {@code verbose}, the witness's trace through the old and the new version
 * one above the other; then diagnostics and a summary.
 */
public final class DiffTextReport {
    private static final String INDENT = "    ";

    private final boolean verbose;

    public DiffTextReport(boolean verbose) {
        this.verbose = verbose;
    }

    /** "no traffic changes fate (proved)", "N classes of packets change fate", or undecided. */
    static String outcome(RouterImpact impact) {
        if (impact.provedUnchanged()) return "no traffic changes fate (proved)";
        int count = impact.differences().size();
        String classes = count + (count == 1 ? " class" : " classes") + " of packets change fate";
        if (count == 0) return "undecided: no difference found, but the search did not finish (see the notes)";
        return impact.proved()
                ? classes + " (no other packet does: proved)"
                : classes + " (the search did not finish: see the notes)";
    }

    public String render(DiffResult result) {
        StringBuilder out = new StringBuilder();
        for (RouterImpact impact : result.impacts()) {
            out.append(impact.afterFile())
                    .append(" (against ")
                    .append(impact.beforeFile())
                    .append("): ")
                    .append(outcome(impact))
                    .append('\n');
            for (FateDifference difference : impact.differences()) difference(out, difference);
        }
        int hiddenNotes = 0;
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.level() == Level.NOTE
                    && !verbose
                    && !diagnostic.code().equals("diff-note")) {
                hiddenNotes++;
                continue;
            }
            out.append(diagnostic.location())
                    .append(": ")
                    .append(diagnostic.level().id())
                    .append(' ')
                    .append(diagnostic.code())
                    .append(": ")
                    .append(diagnostic.message())
                    .append('\n');
        }
        out.append(summary(result));
        if (hiddenNotes > 0)
            out.append(" (")
                    .append(hiddenNotes)
                    .append(hiddenNotes == 1 ? " note" : " notes")
                    .append(" hidden: -v)");
        return out.append('\n').toString();
    }

    private void difference(StringBuilder out, FateDifference difference) {
        var finding = DiffFindings.finding(difference);
        out.append(finding.location())
                .append(": ")
                .append(difference.level().id())
                .append(' ')
                .append(finding.ruleId())
                .append(": ")
                .append(difference.message())
                .append('\n');
        out.append(INDENT)
                .append("packet: ")
                .append(finding.witness().describe())
                .append('\n');
        for (ChangedNode cause : difference.causes()) {
            out.append(INDENT)
                    .append("change: ")
                    .append(cause.location())
                    .append(' ')
                    .append(cause.describe())
                    .append('\n');
        }
        if (!verbose) return;
        trace(out, "before", difference.beforeFile(), DiffFindings.steps(difference.before()));
        trace(out, "after", difference.afterFile(), DiffFindings.steps(difference.after()));
    }

    private static void trace(StringBuilder out, String label, String file, List<TraceStep> steps) {
        out.append(INDENT).append(label).append(" (").append(file).append("):\n");
        int number = 1;
        for (TraceStep step : steps) {
            out.append(INDENT)
                    .append(INDENT)
                    .append(String.format("%2d %-25s %s", number++, step.stageId(), StepText.detail(step)));
            if (step.location() != null)
                out.append("  [").append(step.location()).append(']');
            out.append('\n');
        }
    }

    private static String summary(DiffResult result) {
        long unchanged =
                result.impacts().stream().filter(RouterImpact::provedUnchanged).count();
        long changed = result.impacts().stream()
                .filter(i -> !i.differences().isEmpty())
                .count();
        long undecided = result.impacts().size() - unchanged - changed;
        StringBuilder text =
                new StringBuilder(result.impacts().size() + (result.impacts().size() == 1 ? " router" : " routers")
                        + " compared: " + unchanged + " proved unchanged, " + changed + " changed");
        if (undecided > 0) text.append(", ").append(undecided).append(" undecided");
        text.append("; ")
                .append(result.count(Level.ERROR))
                .append(" errors, ")
                .append(result.count(Level.WARNING))
                .append(" warnings, ")
                .append(result.count(Level.NOTE))
                .append(" notes");
        return text.toString();
    }
}
