package org.vpnlint.cli.report.html;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * What the rules proved about one tunnel, property by property. A property is a check mark only when every rule
 * deciding it ran on this tunnel and none fired: not when a rule was disabled, could not decide, needs the other
 * end and it was not given (or given only as context, whose findings are not reported), when vpnlint noted something it could not read inside the peer, or when the baseline
 * hides findings (which may be this tunnel's). Otherwise it is the finding, or unknown with the reason.
 */
final class TunnelJudgement {
    private static final String UNDECIDED = "|undecided";

    private final TunnelFindings findings;
    private final List<Diagnostic> diagnostics;
    private final Set<String> rulesRun;
    private final int baselined;
    private final FindingViews anchors;
    private final Set<String> reportedFiles;

    record Verdict(TunnelStatus status, List<AuditPage.Cell> cells) {}

    TunnelJudgement(
            TunnelFindings findings,
            List<Diagnostic> diagnostics,
            Set<String> rulesRun,
            int baselined,
            FindingViews anchors,
            Set<String> reportedFiles) {
        this.reportedFiles = reportedFiles;
        this.findings = findings;
        this.diagnostics = diagnostics;
        this.rulesRun = rulesRun;
        this.baselined = baselined;
        this.anchors = anchors;
    }

    Verdict judge(TunnelInventory.Ends ends) {
        Set<ReportedFinding> about = new LinkedHashSet<>();
        for (TunnelKey key : ends.keys()) about.addAll(findings.about(key));
        String unreadNote = unreadNote(ends);
        boolean partnerOnlyContext = ends.paired()
                && !reportedFiles.contains(ends.partnerEnd().router().file());
        TunnelStatus status = TunnelStatus.PROTECTED;
        List<AuditPage.Cell> cells = new ArrayList<>();
        for (TunnelProperty property : TunnelProperty.values()) {
            List<ReportedFinding> fired = about.stream()
                    .filter(f -> property.ruleIds().contains(f.finding().ruleId()))
                    .toList();
            List<ReportedFinding> decided =
                    fired.stream().filter(f -> !undecided(f)).toList();
            if (!decided.isEmpty()) {
                cells.add(findingCell(decided));
                status = worse(status, failed(property, decided));
                continue;
            }
            String unknown = !fired.isEmpty()
                    ? "could not be decided"
                    : property.needsBothEnds() && !ends.paired()
                            ? "needs the other end, which was not given"
                            : partnerOnlyContext
                                    ? "the other end was given as context only; its findings are not reported"
                                    : !rulesRun.containsAll(property.ruleIds())
                                            ? "a rule deciding it was disabled"
                                            : unreadNote != null
                                                    ? unreadNote
                                                    : baselined > 0
                                                            ? "the baseline hides " + baselined
                                                                    + " finding(s), maybe this tunnel's"
                                                            : null;
            if (unknown != null) {
                cells.add(new AuditPage.Cell(
                        "unknown", "?", unknown, fired.isEmpty() ? null : anchors.href(fired.get(0))));
                status = worse(status, TunnelStatus.UNKNOWN);
            } else {
                cells.add(new AuditPage.Cell("ok", "✓", "proved", null));
            }
        }
        return new Verdict(status, cells);
    }

    private AuditPage.Cell findingCell(List<ReportedFinding> decided) {
        Set<String> rules = new LinkedHashSet<>();
        for (ReportedFinding f : decided) rules.add(f.finding().ruleId() + (f.suppressed() ? " (suppressed)" : ""));
        return new AuditPage.Cell("finding", "✗", String.join(", ", rules), anchors.href(decided.get(0)));
    }

    private static TunnelStatus failed(TunnelProperty property, List<ReportedFinding> decided) {
        return switch (property) {
            case IKE, CHILD_SA ->
                decided.stream().anyMatch(f -> f.finding().level() == Level.ERROR)
                        ? TunnelStatus.BROKEN
                        : TunnelStatus.WARNED;
            case SA_UP -> TunnelStatus.LEAKS_SA_UP;
            case SA_DOWN -> TunnelStatus.LEAKS_SA_DOWN;
        };
    }

    private static TunnelStatus worse(TunnelStatus a, TunnelStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static boolean undecided(ReportedFinding finding) {
        String subject = finding.finding().subject();
        return subject != null && subject.endsWith(UNDECIDED);
    }

    /** The first note about something vpnlint could not read inside either end's peer, as a cell's reason. */
    private String unreadNote(TunnelInventory.Ends ends) {
        List<IpsecPeer> peers =
                ends.paired() ? List.of(ends.peer(), ends.partnerEnd().peer()) : List.of(ends.peer());
        for (Diagnostic diagnostic : diagnostics) {
            for (IpsecPeer peer : peers) {
                if (within(diagnostic.location(), peer.location())) {
                    return "vpnlint could not read all of the peer (" + diagnostic.location() + ")";
                }
            }
        }
        return null;
    }

    private static boolean within(SourceLocation point, SourceLocation span) {
        if (span == null || !point.file().equals(span.file())) return false;
        int last = Math.max(span.line(), span.endLine());
        return point.line() >= span.line() && point.line() <= last;
    }
}
