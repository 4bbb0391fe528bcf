package org.vpnlint.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * trace step the {@code header} after it and the {@code file}/{@code line} that acted, when known.
 */
public final class JsonReport implements Report {
    private final String version;

    public JsonReport(String version) {
        this.version = version;
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "vpnlint");
        tool.put("version", version);
        // as in SARIF's invocation: false when vpnlint failed somewhere, so the findings may be incomplete
        root.put("executionSuccessful", result.internalFailures().isEmpty());
        ArrayNode internalErrors = root.putArray("internalErrors");
        for (InternalFailure failure : result.internalFailures()) internalErrors.add(failure.what());
        ArrayNode findings = root.putArray("findings");
        for (ReportedFinding reported : result.findings()) finding(findings.addObject(), reported);
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Diagnostic diagnostic : result.diagnostics()) {
            ObjectNode node = diagnostics.addObject();
            node.put("file", diagnostic.location().file());
            node.put("line", diagnostic.location().line());
            node.put("column", diagnostic.location().column());
            node.put("level", diagnostic.level().id());
            node.put("code", diagnostic.code());
            node.put("message", diagnostic.message());
        }
        out.write(JsonOutput.pretty(mapper, root));
    }

    private static void finding(ObjectNode node, ReportedFinding reported) {
        Finding finding = reported.finding();
        node.put("ruleId", finding.ruleId());
        node.put("level", finding.level().id());
        node.put("message", finding.message());
        SourceLocation location = finding.location();
        ObjectNode where = node.putObject("location");
        where.put("file", location.file());
        where.put("line", location.line());
        where.put("column", location.column());
        if (location.endLine() > 0) where.put("endLine", location.endLine());
        ArrayNode related = node.putArray("related");
        for (RelatedLocation place : finding.related()) {
            ObjectNode entry = related.addObject();
            entry.put("file", place.location().file());
            entry.put("line", place.location().line());
            entry.put("message", place.message());
        }
        if (finding.witness() != null) witness(node.putObject("witness"), finding.witness());
        ArrayNode trace = node.putArray("trace");
        for (TraceStep step : finding.trace()) {
            ObjectNode entry = trace.addObject();
            entry.put("stage", step.stageId());
            entry.put("detail", StepText.detail(step));
            String header = StepText.header(step);
            if (header != null) entry.put("header", header);
            if (step.location() != null) {
                entry.put("file", step.location().file());
                entry.put("line", step.location().line());
            }
        }
        if (finding.fix() != null) node.put("fix", finding.fix());
        node.put("fingerprint", reported.fingerprint());
    }

    private static void witness(ObjectNode node, Witness witness) {
        node.put("src", witness.src());
        node.put("dst", witness.dst());
        node.put("protocol", witness.protocol());
        if (witness.srcPort() != null) node.put("srcPort", witness.srcPort());
        if (witness.dstPort() != null) node.put("dstPort", witness.dstPort());
        node.put("inInterface", witness.inInterface());
        if (witness.balancedTo() != null) node.put("balancedTo", witness.balancedTo());
        node.put("saState", witness.saState());
    }
}
