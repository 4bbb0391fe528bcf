package org.vpnlint.cli.report;

import com.contrastsecurity.sarif.ArtifactLocation;
import com.contrastsecurity.sarif.CodeFlow;
import com.contrastsecurity.sarif.Invocation;
import com.contrastsecurity.sarif.Location;
import com.contrastsecurity.sarif.Message;
import com.contrastsecurity.sarif.MultiformatMessageString;
import com.contrastsecurity.sarif.Notification;
import com.contrastsecurity.sarif.OriginalUriBaseIds;
import com.contrastsecurity.sarif.PartialFingerprints;
import com.contrastsecurity.sarif.PhysicalLocation;
import com.contrastsecurity.sarif.PropertyBag;
import com.contrastsecurity.sarif.Region;
import com.contrastsecurity.sarif.ReportingConfiguration;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.ReportingDescriptorReference;
import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.Run;
import com.contrastsecurity.sarif.SarifSchema210;
import com.contrastsecurity.sarif.ThreadFlow;
import com.contrastsecurity.sarif.ThreadFlowLocation;
import com.contrastsecurity.sarif.Tool;
import com.contrastsecurity.sarif.ToolComponent;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * SARIF 2.1.0 for GitHub code scanning, built with java-sarif and kept behind this one class.
 *
 * <p>What GitHub needs and the library does not do by itself: {@code $schema} and {@code version} are always set;
 * every result has {@code ruleIndex} and {@code level}, and every rule {@code defaultConfiguration.level}, written
 * even when they equal SARIF's default (the library leaves defaults out, so a warning under an error rule would be
 * read as an error); URIs are relative to {@code %SRCROOT%}, declared in {@code originalUriBaseIds}; each result has
 * {@code partialFingerprints.primaryLocationLineHash} from our own line-independent fingerprint. The witness packet's
 * way through the router is one codeFlow with one threadFlow (the only one viewers show), and related locations are
 * linked from the message as {@code [text](id)}. Suppressed findings are results with {@code suppressions}; with a
 * baseline, reported results are {@code baselineState: new} and accepted ones are left out. Output is deterministic:
 * no times, no absolute paths except the declared source root.
 */
public final class SarifReport implements Report {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";
    static final String FINGERPRINT_KEY = "vpnlint/v1";

    private final String toolVersion;
    private final URI sourceRoot;
    private final boolean baselineUsed;

    /** {@code sourceRoot} is the directory relative file names start from (the repository root in CI). */
    public SarifReport(String toolVersion, URI sourceRoot, boolean baselineUsed) {
        this.toolVersion = toolVersion;
        this.sourceRoot = sourceRoot;
        this.baselineUsed = baselineUsed;
    }

    public static URI directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return URI.create(uri.endsWith("/") ? uri : uri + "/");
    }

    /**
     * The log around the results is small (rules, invocation) and made as a tree; the results, which can be tens of
     * megabytes, are written one at a time where the tree has its (empty) results array.
     */
    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (RuleMetadata rule : result.rules()) ruleIndex.put(rule.id(), ruleIndex.size());
        ObjectNode log = mapper.valueToTree(withoutResults(result));
        restoreDefaults(log, result);
        JsonOutput.write(out, json -> {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : log.properties()) {
                json.writeFieldName(field.getKey());
                if (!field.getKey().equals("runs")) {
                    JsonOutput.tree(json, field.getValue());
                    continue;
                }
                json.writeStartArray();
                json.writeStartObject();
                for (Map.Entry<String, JsonNode> runField :
                        field.getValue().get(0).properties()) {
                    json.writeFieldName(runField.getKey());
                    if (runField.getKey().equals("results")) results(json, mapper, result, ruleIndex);
                    else JsonOutput.tree(json, runField.getValue());
                }
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    /** Reported findings, then suppressed ones, each with its level written even when it is SARIF's default. */
    private void results(JsonGenerator json, ObjectMapper mapper, AnalysisResult result, Map<String, Integer> ruleIndex)
            throws IOException {
        json.writeStartArray();
        List<ReportedFinding> all = new ArrayList<>(result.findings());
        all.addAll(result.suppressed());
        for (ReportedFinding reported : all) {
            ObjectNode node = mapper.valueToTree(result(reported, ruleIndex));
            node.put("level", reported.finding().level().id());
            JsonOutput.tree(json, node);
        }
        json.writeEndArray();
    }

    /** The whole log with an empty results array, where {@link #results} writes them. */
    private SarifSchema210 withoutResults(AnalysisResult result) {
        Set<ReportingDescriptor> rules = new LinkedHashSet<>();
        for (RuleMetadata rule : result.rules()) rules.add(descriptor(rule));
        Run run = new Run()
                .withTool(new Tool()
                        .withDriver(new ToolComponent()
                                .withName("vpnlint")
                                .withInformationUri(URI.create(RuleDocumentation.PROJECT_HOME))
                                .withVersion(toolVersion)
                                .withSemanticVersion(toolVersion)
                                .withRules(rules)))
                .withOriginalUriBaseIds(new OriginalUriBaseIds()
                        .withAdditionalProperty(SRCROOT, new ArtifactLocation().withUri(sourceRoot.toString())))
                .withInvocations(List.of(invocation(result)))
                .withResults(List.of());
        return new SarifSchema210()
                .with$schema(URI.create(SCHEMA))
                .withVersion(SarifSchema210.Version._2_1_0)
                .withRuns(List.of(run));
    }

    private static ReportingDescriptor descriptor(RuleMetadata rule) {
        PropertyBag properties = new PropertyBag().withTags(new LinkedHashSet<>(RuleDocumentation.tags(rule)));
        properties.setAdditionalProperty("precision", rule.precision().sarifName());
        properties.setAdditionalProperty(
                "problem.severity",
                switch (rule.defaultLevel()) {
                    case ERROR -> "error";
                    case WARNING -> "warning";
                    case NOTE -> "recommendation";
                });
        if (rule.securitySeverity() != null)
            properties.setAdditionalProperty("security-severity", rule.securitySeverity());
        return new ReportingDescriptor()
                .withId(rule.id())
                .withName(pascalCase(rule.id()))
                .withShortDescription(new MultiformatMessageString().withText(limit(rule.title())))
                .withFullDescription(new MultiformatMessageString()
                        .withText(limit(rule.summary().strip())))
                .withHelp(new MultiformatMessageString()
                        .withText(RuleDocumentation.text(rule))
                        .withMarkdown(RuleDocumentation.section(rule)))
                .withHelpUri(URI.create(RuleDocumentation.helpUri(rule.id())))
                .withDefaultConfiguration(
                        new ReportingConfiguration().withLevel(configurationLevel(rule.defaultLevel())))
                .withProperties(properties);
    }

    private Result result(ReportedFinding reported, Map<String, Integer> ruleIndex) {
        Finding finding = reported.finding();
        Set<Location> related = new LinkedHashSet<>();
        List<String> links = new ArrayList<>();
        int id = 1;
        for (RelatedLocation place : finding.related()) {
            related.add(
                    location(place.location()).withId(id).withMessage(new Message().withText(escape(place.message()))));
            links.add("[" + escape(place.message()) + "](" + id + ")");
            id++;
        }
        StringBuilder message = new StringBuilder(escape(finding.message()));
        if (!links.isEmpty())
            message.append(" See ").append(String.join(", ", links)).append('.');
        if (finding.witness() != null)
            message.append(" Packet: ")
                    .append(escape(finding.witness().describe()))
                    .append('.');
        if (finding.fix() != null && !finding.fix().isBlank())
            message.append(" Fix: ").append(escape(finding.fix().strip()));

        PartialFingerprints fingerprints = new PartialFingerprints()
                .withAdditionalProperty("primaryLocationLineHash", reported.fingerprint())
                .withAdditionalProperty(FINGERPRINT_KEY, reported.fingerprint());
        Result result = new Result()
                .withRuleId(finding.ruleId())
                .withRuleIndex(ruleIndex.getOrDefault(finding.ruleId(), -1))
                .withLevel(resultLevel(finding.level()))
                .withMessage(new Message().withText(message.toString()))
                .withLocations(List.of(location(finding.location())))
                .withPartialFingerprints(fingerprints);
        if (!related.isEmpty()) result.setRelatedLocations(related);
        if (!finding.trace().isEmpty()) result.setCodeFlows(List.of(codeFlow(finding)));
        if (reported.suppressed()) {
            result.setSuppressions(Set.of(new com.contrastsecurity.sarif.Suppression()
                    .withKind(com.contrastsecurity.sarif.Suppression.Kind.IN_SOURCE)
                    .withJustification(reported.suppression().reason())));
        } else if (baselineUsed) {
            result.setBaselineState(Result.BaselineState.NEW);
        }
        return result;
    }

    /** The witness packet entering the router, then each step of the trace at the configuration line that acted. */
    private static CodeFlow codeFlow(Finding finding) {
        List<ThreadFlowLocation> steps = new ArrayList<>();
        for (TraceStep step : finding.trace()) {
            StringBuilder text = new StringBuilder(step.stageId()).append(": ").append(StepText.detail(step));
            String header = StepText.header(step);
            if (header != null) text.append(" (packet now ").append(header).append(')');
            Location location = step.location() != null ? location(step.location()) : new Location();
            steps.add(new ThreadFlowLocation()
                    .withLocation(location.withMessage(new Message().withText(text.toString()))));
        }
        CodeFlow flow = new CodeFlow().withThreadFlows(List.of(new ThreadFlow().withLocations(steps)));
        if (finding.witness() != null)
            flow.setMessage(
                    new Message().withText("Packet: " + finding.witness().describe()));
        return flow;
    }

    private Invocation invocation(AnalysisResult result) {
        List<Notification> notifications = new ArrayList<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            notifications.add(new Notification()
                    .withLevel(notificationLevel(diagnostic.level()))
                    .withMessage(new Message().withText(diagnostic.message()))
                    .withDescriptor(new ReportingDescriptorReference().withId(diagnostic.code()))
                    .withLocations(Set.of(location(diagnostic.location()))));
        }
        Invocation invocation = new Invocation()
                .withExecutionSuccessful(result.internalFailures().isEmpty());
        if (!notifications.isEmpty()) invocation.setToolExecutionNotifications(notifications);
        return invocation;
    }

    private static Location location(SourceLocation where) {
        Region region = new Region().withStartLine(Math.max(1, where.line()));
        if (where.column() > 0) region.setStartColumn(where.column());
        if (where.endLine() >= where.line() && where.endLine() > 0) region.setEndLine(where.endLine());
        if (where.endColumn() > 0) region.setEndColumn(where.endColumn());
        return new Location()
                .withPhysicalLocation(new PhysicalLocation()
                        .withArtifactLocation(artifact(where.file()))
                        .withRegion(region));
    }

    /** Relative file names are URIs below %SRCROOT%; a file outside the source root keeps an absolute file URI. */
    private static ArtifactLocation artifact(String file) {
        if (file.startsWith("/"))
            return new ArtifactLocation().withUri(Path.of(file).toUri().toString());
        return new ArtifactLocation().withUri(encodePath(file)).withUriBaseId(SRCROOT);
    }

    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /**
     * java-sarif leaves out values equal to SARIF's defaults ({@code level: warning}, {@code ruleIndex: 0} is kept
     * but a default {@code defaultConfiguration.level} is not). GitHub reads a missing level as the rule's, so every
     * level is written back explicitly here (a result's in {@link #results}).
     */
    private static void restoreDefaults(ObjectNode log, AnalysisResult result) {
        ObjectNode run = (ObjectNode) log.withArrayProperty("runs").get(0);
        ArrayNode rules =
                run.withObjectProperty("tool").withObjectProperty("driver").withArrayProperty("rules");
        for (int i = 0; i < rules.size(); i++) {
            ((ObjectNode) rules.get(i))
                    .withObjectProperty("defaultConfiguration")
                    .put("level", result.rules().get(i).defaultLevel().id());
        }
        ArrayNode notifications = ((ObjectNode)
                        run.withArrayProperty("invocations").get(0))
                .withArrayProperty("toolExecutionNotifications");
        for (int i = 0; i < notifications.size(); i++) {
            ((ObjectNode) notifications.get(i))
                    .put("level", result.diagnostics().get(i).level().id());
        }
        if (notifications.isEmpty())
            ((ObjectNode) run.withArrayProperty("invocations").get(0)).remove("toolExecutionNotifications");
    }

    /** SARIF messages treat [text](id) as links, so brackets in plain text are escaped. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** GitHub cuts descriptions at 1024 characters. */
    private static String limit(String text) {
        return text.length() <= 1024 ? text : text.substring(0, 1021) + "...";
    }

    private static String pascalCase(String id) {
        StringBuilder name = new StringBuilder();
        for (String word : id.split("-")) {
            if (!word.isEmpty())
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    private static Result.Level resultLevel(Level level) {
        return switch (level) {
            case ERROR -> Result.Level.ERROR;
            case WARNING -> Result.Level.WARNING;
            case NOTE -> Result.Level.NOTE;
        };
    }

    private static ReportingConfiguration.Level configurationLevel(Level level) {
        return switch (level) {
            case ERROR -> ReportingConfiguration.Level.ERROR;
            case WARNING -> ReportingConfiguration.Level.WARNING;
            case NOTE -> ReportingConfiguration.Level.NOTE;
        };
    }

    private static Notification.Level notificationLevel(Level level) {
        return switch (level) {
            case ERROR -> Notification.Level.ERROR;
            case WARNING -> Notification.Level.WARNING;
            case NOTE -> Notification.Level.NOTE;
        };
    }
}
