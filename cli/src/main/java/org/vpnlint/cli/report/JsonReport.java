package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.Witness;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
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
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "vpnlint");
            json.writeStringField("version", version);
            json.writeEndObject();
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
            for (Diagnostic diagnostic : result.diagnostics()) {
                json.writeStartObject();
                json.writeStringField("file", diagnostic.location().file());
                json.writeNumberField("line", diagnostic.location().line());
                json.writeNumberField("column", diagnostic.location().column());
                json.writeStringField("level", diagnostic.level().id());
                json.writeStringField("code", diagnostic.code());
                json.writeStringField("message", diagnostic.message());
                json.writeEndObject();
            }
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
        json.writeStringField("file", location.file());
        json.writeNumberField("line", location.line());
        json.writeNumberField("column", location.column());
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
        if (finding.witness() != null) witness(json, finding.witness());
        json.writeArrayFieldStart("trace");
        for (TraceStep step : finding.trace()) {
            json.writeStartObject();
            json.writeStringField("stage", step.stageId());
            json.writeStringField("detail", StepText.detail(step));
            String header = StepText.header(step);
            if (header != null) json.writeStringField("header", header);
            if (step.location() != null) {
                json.writeStringField("file", step.location().file());
                json.writeNumberField("line", step.location().line());
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (finding.fix() != null) json.writeStringField("fix", finding.fix());
        json.writeStringField("fingerprint", reported.fingerprint());
        json.writeEndObject();
    }

    private static void witness(JsonGenerator json, Witness witness) throws IOException {
        json.writeObjectFieldStart("witness");
        json.writeStringField("src", witness.src());
        json.writeStringField("dst", witness.dst());
        json.writeStringField("protocol", witness.protocol());
        if (witness.srcPort() != null) json.writeNumberField("srcPort", witness.srcPort());
        if (witness.dstPort() != null) json.writeNumberField("dstPort", witness.dstPort());
        json.writeStringField("inInterface", witness.inInterface());
        if (witness.balancedTo() != null) json.writeStringField("balancedTo", witness.balancedTo());
        json.writeStringField("saState", witness.saState());
        json.writeEndObject();
    }
}
