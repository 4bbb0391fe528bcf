package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.SourceLocation;

/**
 * The machine-readable report in the shape DESIGN.md fixes ({@code tool}, {@code findings}, {@code diagnostics}),
 * sorted like the text report, with {@code executionSuccessful} (false after an internal error: the findings may be
 * incomplete) and {@code internalErrors}, one line each. Besides the documented fields, each finding carries its {@code fingerprint} and each
 * trace step the {@code header} after it and the {@code file}/{@code line} that acted, when known. Written as it is
 * generated (a router with thousands of notes makes tens of megabytes).
 */
public final class JsonReport implements Report {
    private final String version;

    public JsonReport(String version) {
        this.version = version;
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        JsonOutput.write(out, json -> {
            json.writeStartObject();
            JsonFields.tool(json, version);
            // as in SARIF's invocation: false when vpnlint failed somewhere, so the findings may be incomplete
            json.writeBooleanField(
                    "executionSuccessful", result.internalFailures().isEmpty());
            json.writeArrayFieldStart("internalErrors");
            for (InternalFailure failure : result.internalFailures()) json.writeString(failure.what());
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (ReportedFinding reported : result.findings()) finding(json, reported);
            json.writeEndArray();
            json.writeArrayFieldStart("diagnostics");
            for (Diagnostic diagnostic : result.diagnostics()) JsonFields.diagnostic(json, diagnostic);
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void finding(JsonGenerator json, ReportedFinding reported) throws IOException {
        Finding finding = reported.finding();
        json.writeStartObject();
        json.writeStringField("ruleId", finding.ruleId());
        json.writeStringField("level", finding.level().id());
        json.writeStringField("message", finding.message());
        SourceLocation location = finding.location();
        json.writeObjectFieldStart("location");
        JsonFields.place(json, location);
        if (location.endLine() > 0) json.writeNumberField("endLine", location.endLine());
        json.writeEndObject();
        json.writeArrayFieldStart("related");
        for (RelatedLocation place : finding.related()) {
            json.writeStartObject();
            json.writeStringField("file", place.location().file());
            json.writeNumberField("line", place.location().line());
            json.writeStringField("message", place.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (finding.witness() != null) JsonFields.witness(json, finding.witness());
        JsonFields.trace(json, "trace", finding.trace());
        if (finding.fix() != null) json.writeStringField("fix", finding.fix());
        json.writeStringField("fingerprint", reported.fingerprint());
        json.writeEndObject();
    }
}
