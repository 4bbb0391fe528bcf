package org.vpnlint.cli.report;

import java.io.IOException;
import java.io.Writer;
import org.vpnlint.checks.Finding;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…,title=rule-id::message}), which the
 * Actions runner turns into annotations on the pull request's diff without any upload. Used with
 * {@code --format github}, and by default when {@code GITHUB_ACTIONS} is set and no format is given.
 */
public final class GithubAnnotations implements Report {

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        for (ReportedFinding reported : result.findings()) {
            Finding finding = reported.finding();
            StringBuilder message = new StringBuilder(finding.message());
            if (finding.witness() != null)
                message.append("\nPacket: ").append(finding.witness().describe());
            if (finding.fix() != null && !finding.fix().isBlank())
                message.append("\nFix: ").append(finding.fix().strip());
            out.write(command(finding.level(), finding.location(), finding.ruleId(), message.toString()));
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            out.write(command(diagnostic.level(), diagnostic.location(), diagnostic.code(), diagnostic.message()));
        }
        out.write(Summary.of(result) + "\n");
    }

    private static String command(Level level, SourceLocation location, String title, String message) {
        String name = switch (level) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
        StringBuilder line = new StringBuilder("::")
                .append(name)
                .append(" file=")
                .append(property(location.file()))
                .append(",line=")
                .append(location.line())
                .append(",col=")
                .append(location.column());
        if (location.endLine() > 0) line.append(",endLine=").append(location.endLine());
        line.append(",title=")
                .append(property(title))
                .append("::")
                .append(data(message))
                .append('\n');
        return line.toString();
    }

    /** Escaping of a command's message, as the Actions toolkit does it. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of a command's property value: also ':' and ','. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
