package org.vpnlint.cli.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vpnlint.checks.Witness;
import org.vpnlint.checks.diff.ChangedNode;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.cli.report.JsonOutput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
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

    public String render(DiffResult result) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "vpnlint");
        tool.put("version", version);
        ArrayNode comparisons = root.putArray("comparisons");
        for (RouterImpact impact : result.impacts()) {
            ObjectNode node = comparisons.addObject();
            node.put("before", impact.beforeFile());
            node.put("after", impact.afterFile());
            node.put("result", DiffTextReport.outcome(impact));
            node.put("proved", impact.proved());
            node.put("differences", impact.differences().size());
        }
        ArrayNode differences = root.putArray("differences");
        for (FateDifference difference : result.differences()) difference(differences.addObject(), difference);
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
        return JsonOutput.pretty(mapper, root);
    }

    private static void difference(ObjectNode node, FateDifference difference) {
        node.put("router", difference.afterFile());
        node.put("level", difference.level().id());
        node.put("message", difference.message());
        fate(node.putObject("before"), difference.before());
        fate(node.putObject("after"), difference.after());
        witness(node.putObject("witness"), DiffFindings.witness(difference));
        ObjectNode affected = node.putObject("affected");
        affected.put("sources", difference.affected().sources());
        affected.put("destinations", difference.affected().destinations());
        affected.put("traffic", difference.affected().traffic());
        affected.put("widest", difference.affected().widest());
        steps(node.putArray("traceBefore"), difference.before());
        steps(node.putArray("traceAfter"), difference.after());
        ArrayNode causes = node.putArray("causes");
        for (ChangedNode change : difference.causes()) {
            ObjectNode cause = causes.addObject();
            cause.put("file", change.location().file());
            cause.put("line", change.location().line());
            cause.put("column", change.location().column());
            cause.put("change", change.kind().name().toLowerCase(java.util.Locale.ROOT));
            cause.put("node", String.join(" ", change.path()));
        }
    }

    private static void fate(ObjectNode node, PacketTrace trace) {
        node.put("verdict", trace.verdict().id());
        if (trace.tunnel() != null) node.put("tunnel", trace.tunnel().toString());
        else node.putNull("tunnel");
        if (trace.egress() != null) node.put("egress", trace.egress());
        else node.putNull("egress");
        node.put("header", trace.finalHeader().toString());
        if (trace.dropReason() != null)
            node.put("dropReason", trace.dropReason().description());
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

    private static void steps(ArrayNode trace, PacketTrace replay) {
        for (TraceStep step : DiffFindings.steps(replay)) {
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
    }
}
