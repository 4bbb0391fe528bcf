package org.vpnlint.cli.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * The default, human report, grouped by file and in line order, one {@code file:line:col: level rule-id: message}
 * line per problem (the form editors and terminals turn into links), the witness packet and the suggested fix
 * below it, and a summary at the end. {@code verbose} adds related locations, the packet's trace through the
 * router, and notes (e.g. unsupported syntax). Colour is used only when the caller says the output is a terminal.
 */
public final class TextReport implements Report {
    private static final String INDENT = "    ";

    private final boolean verbose;
    private final Colours colours;

    public TextReport(boolean verbose, boolean colour) {
        this.verbose = verbose;
        this.colours = new Colours(colour);
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        Map<String, List<Entry>> byFile = new TreeMap<>();
        for (ReportedFinding reported : result.findings()) {
            Finding finding = reported.finding();
            byFile.computeIfAbsent(finding.location().file(), f -> new ArrayList<>())
                    .add(new Entry(finding.location(), finding, null));
        }
        int hiddenNotes = 0;
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.level() == Level.NOTE && !verbose) {
                hiddenNotes++;
                continue;
            }
            byFile.computeIfAbsent(diagnostic.location().file(), f -> new ArrayList<>())
                    .add(new Entry(diagnostic.location(), null, diagnostic));
        }
        for (List<Entry> entries : byFile.values()) {
            entries.sort(Comparator.comparing(Entry::location));
            for (Entry entry : entries) {
                if (entry.finding() != null) writeFinding(entry.finding(), out);
                else writeDiagnostic(entry.diagnostic(), out);
            }
            out.write("\n");
        }
        String summary = Summary.of(result);
        if (hiddenNotes > 0)
            summary += " (" + Summary.plural(hiddenNotes, "note") + " about the input hidden; -v shows them)";
        out.write(colours.bold(summary) + "\n");
    }

    private void writeFinding(Finding finding, Writer out) throws IOException {
        out.write(colours.dim(finding.location() + ":") + " " + colours.level(finding.level()) + " "
                + colours.bold(finding.ruleId()) + ": " + finding.message() + "\n");
        if (finding.witness() != null)
            out.write(INDENT + "packet: " + finding.witness().describe() + "\n");
        if (verbose) {
            for (RelatedLocation related : finding.related()) {
                out.write(INDENT + "see "
                        + shortLocation(related.location(), finding.location().file()) + ": " + related.message()
                        + "\n");
            }
            if (!finding.trace().isEmpty()) {
                out.write(INDENT + "trace:\n");
                int stageWidth = finding.trace().stream()
                        .mapToInt(s -> s.stageId().length())
                        .max()
                        .orElse(0);
                for (TraceStep step : finding.trace()) {
                    String where = step.location() == null
                            ? ""
                            : "  ("
                                    + shortLocation(
                                            step.location(), finding.location().file()) + ")";
                    out.write(INDENT + "  " + pad(step.stageId(), stageWidth) + "  " + StepText.detail(step) + where
                            + "\n");
                    String header = StepText.header(step);
                    if (header != null) out.write(INDENT + "  " + pad("", stageWidth) + "  → " + header + "\n");
                }
            }
        }
        if (finding.fix() != null && !finding.fix().isBlank()) {
            out.write(INDENT + colours.green("fix:") + " "
                    + finding.fix().strip().replace("\n", "\n" + INDENT + "     ") + "\n");
        }
        if (verbose) out.write(INDENT + "more: vpnlint explain " + finding.ruleId() + "\n");
    }

    private void writeDiagnostic(Diagnostic diagnostic, Writer out) throws IOException {
        out.write(colours.dim(diagnostic.location() + ":") + " " + colours.level(diagnostic.level()) + " "
                + colours.bold(diagnostic.code()) + ": " + diagnostic.message() + "\n");
    }

    /** {@code line 40} for a place in the same file, {@code file:40} for one in another file (the peer router). */
    private static String shortLocation(SourceLocation location, String currentFile) {
        return location.file().equals(currentFile)
                ? "line " + location.line()
                : location.file() + ":" + location.line();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private record Entry(SourceLocation location, Finding finding, Diagnostic diagnostic) {}

    /** ANSI colours, or plain text when colour is off. */
    private record Colours(boolean on) {
        String level(Level level) {
            return switch (level) {
                case ERROR -> wrap("1;31", "error");
                case WARNING -> wrap("1;33", "warning");
                case NOTE -> wrap("1;36", "note");
            };
        }

        String bold(String text) {
            return wrap("1", text);
        }

        String dim(String text) {
            return wrap("2", text);
        }

        String green(String text) {
            return wrap("32", text);
        }

        private String wrap(String code, String text) {
            return on ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
        }
    }
}
