package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.stream.Collectors;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.Fingerprint;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * GitLab's Code Quality report ({@code --format gitlab}): a JSON array of Code Climate issues that a merge request
 * shows next to the changed lines when the job declares it as {@code artifacts:reports:codequality}. GitLab reads
 * {@code description}, {@code check_name}, {@code fingerprint}, {@code severity}, {@code location.path} and
 * {@code location.lines.begin}; {@code type} and {@code categories} are what the Code Climate format itself requires.
 * The fingerprint is the one SARIF's partialFingerprints carry (no line numbers), so an issue survives edits above
 * it. Suppressed findings are left out (the format cannot say "dismissed"); input problems that SARIF reports as
 * notifications are issues here too, so a file that could not be read does not look clean in the merge request.
 */
public final class GitlabCodeQuality implements Report {

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        Set<String> securityRules = result.rules().stream()
                .filter(rule -> rule.securitySeverity() != null)
                .map(RuleMetadata::id)
                .collect(Collectors.toSet());
        JsonOutput.write(out, json -> {
            json.writeStartArray();
            issues(json, result, securityRules);
            json.writeEndArray();
        });
    }

    private static void issues(JsonGenerator json, AnalysisResult result, Set<String> securityRules)
            throws IOException {
        for (ReportedFinding reported : result.findings()) {
            Finding finding = reported.finding();
            StringBuilder description = new StringBuilder(finding.message());
            if (finding.witness() != null)
                description
                        .append(" Packet: ")
                        .append(finding.witness().describe())
                        .append('.');
            if (finding.fix() != null && !finding.fix().isBlank())
                description.append(" Fix: ").append(finding.fix().strip());
            issue(
                    json,
                    finding.ruleId(),
                    description.toString(),
                    reported.fingerprint(),
                    finding.level(),
                    finding.location(),
                    securityRules.contains(finding.ruleId()) ? "Security" : "Bug Risk");
        }
        for (Diagnostic diagnostic : result.diagnostics()) {
            String fingerprint =
                    Fingerprint.of(diagnostic.code(), diagnostic.location().file(), diagnostic.message());
            issue(
                    json,
                    diagnostic.code(),
                    diagnostic.message(),
                    fingerprint,
                    diagnostic.level(),
                    diagnostic.location(),
                    "Bug Risk");
        }
    }

    private static void issue(
            JsonGenerator json,
            String checkName,
            String description,
            String fingerprint,
            Level level,
            SourceLocation location,
            String category)
            throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "issue");
        json.writeStringField("check_name", checkName);
        json.writeStringField("description", description);
        json.writeArrayFieldStart("categories");
        json.writeString(category);
        json.writeEndArray();
        json.writeStringField("severity", severity(level));
        json.writeStringField("fingerprint", fingerprint);
        json.writeObjectFieldStart("location");
        json.writeStringField("path", location.file().replace('\\', '/'));
        json.writeObjectFieldStart("lines");
        json.writeNumberField("begin", Math.max(1, location.line()));
        if (location.endLine() > location.line()) json.writeNumberField("end", location.endLine());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    /** GitLab's scale is info, minor, major, critical, blocker; an error is a broken tunnel or an open path. */
    static String severity(Level level) {
        return switch (level) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case NOTE -> "info";
        };
    }
}
