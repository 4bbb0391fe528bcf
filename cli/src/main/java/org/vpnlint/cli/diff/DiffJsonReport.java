package org.vpnlint.cli.diff;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import org.vpnlint.checks.diff.ChangedNode;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.cli.report.JsonFields;
import org.vpnlint.cli.report.JsonOutput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.model.Diagnostic;

/**
 * {@code vpnlint diff --format json}: {@code tool}, one {@code comparisons} entry per router pair (whether "no
 * traffic changes fate" is proved), {@code differences} (before/after fate, witness, both traces, the affected
 * space, the changed lines that cause it, level and message) and {@code diagnostics}, in the field names of
 * {@code check}'s JSON report.
 */
public final class DiffJsonReport {

    private final String version;

    public DiffJsonReport(String version) {
        this.version = version;
    }

    public void write(DiffResult result, Writer out) throws IOException {
        JsonOutput.write(out, json -> {
            json.writeStartObject();
            JsonFields.tool(json, version);
            json.writeArrayFieldStart("comparisons");
            for (RouterImpact impact : result.impacts()) {
                json.writeStartObject();
                json.writeStringField("before", impact.beforeFile());
                json.writeStringField("after", impact.afterFile());
                json.writeStringField("result", DiffTextReport.outcome(impact));
                json.writeBooleanField("proved", impact.proved());
                json.writeNumberField("differences", impact.differences().size());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("differences");
            for (FateDifference difference : result.differences()) difference(json, difference);
            json.writeEndArray();
            json.writeArrayFieldStart("diagnostics");
            for (Diagnostic diagnostic : result.diagnostics()) JsonFields.diagnostic(json, diagnostic);
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    private static void difference(JsonGenerator json, FateDifference difference) throws IOException {
        json.writeStartObject();
        json.writeStringField("router", difference.afterFile());
        json.writeStringField("level", difference.level().id());
        json.writeStringField("message", difference.message());
        fate(json, "before", difference.before());
        fate(json, "after", difference.after());
        JsonFields.witness(json, DiffFindings.witness(difference));
        json.writeObjectFieldStart("affected");
        json.writeStringField("sources", difference.affected().sources());
        json.writeStringField("destinations", difference.affected().destinations());
        json.writeStringField("traffic", difference.affected().traffic());
        json.writeBooleanField("widest", difference.affected().widest());
        json.writeEndObject();
        JsonFields.trace(json, "traceBefore", DiffFindings.steps(difference.before()));
        JsonFields.trace(json, "traceAfter", DiffFindings.steps(difference.after()));
        json.writeArrayFieldStart("causes");
        for (ChangedNode change : difference.causes()) {
            json.writeStartObject();
            JsonFields.place(json, change.location());
            json.writeStringField("change", change.kind().name().toLowerCase(Locale.ROOT));
            json.writeStringField("node", String.join(" ", change.path()));
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void fate(JsonGenerator json, String name, PacketTrace trace) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("verdict", trace.verdict().id());
        json.writeStringField("tunnel", trace.tunnel() != null ? trace.tunnel().toString() : null);
        json.writeStringField("egress", trace.egress());
        json.writeStringField("header", trace.finalHeader().toString());
        if (trace.dropReason() != null)
            json.writeStringField("dropReason", trace.dropReason().description());
        json.writeEndObject();
    }
}
