package org.vpnlint.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import org.vpnlint.checks.Witness;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.SourceLocation;

/**
 * The JSON objects that {@code check} and {@code diff} reports share, written in one place so that a witness, a
 * trace step or a diagnostic has the same field names and order in both.
 */
public final class JsonFields {

    private JsonFields() {}

    /** {@code "tool": {name, version}}. */
    public static void tool(JsonGenerator json, String version) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeStringField("name", "vpnlint");
        json.writeStringField("version", version);
        json.writeEndObject();
    }

    /** {@code "witness": {src, dst, protocol, srcPort?, dstPort?, inInterface, balancedTo?, saState}}. */
    public static void witness(JsonGenerator json, Witness witness) throws IOException {
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

    /** {@code "<name>": [{stage, detail, header?, file?, line?}, ...]}. */
    public static void trace(JsonGenerator json, String name, Iterable<TraceStep> steps) throws IOException {
        json.writeArrayFieldStart(name);
        for (TraceStep step : steps) {
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
    }

    /** One diagnostic as an array element: {file, line, column, level, code, message}. */
    public static void diagnostic(JsonGenerator json, Diagnostic diagnostic) throws IOException {
        json.writeStartObject();
        place(json, diagnostic.location());
        json.writeStringField("level", diagnostic.level().id());
        json.writeStringField("code", diagnostic.code());
        json.writeStringField("message", diagnostic.message());
        json.writeEndObject();
    }

    /** {@code file}, {@code line}, {@code column} of a place in a configuration, as fields of the open object. */
    public static void place(JsonGenerator json, SourceLocation location) throws IOException {
        json.writeStringField("file", location.file());
        json.writeNumberField("line", location.line());
        json.writeNumberField("column", location.column());
    }
}
