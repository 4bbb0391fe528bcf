package org.vpnlint.cli.report.html;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.PacketFields;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;

/**
 * The findings section: by file, then by rule, each finding with its message, fix, witness packet and the packet's
 * walk through the router's stages, the header after each stage compared with the header before it so that the
 * field a NAT step rewrote stands out. Every finding gets an anchor, which the inventory's cells link to.
 */
final class FindingViews {
    private final Map<ReportedFinding, String> anchors = new IdentityHashMap<>();
    private final List<AuditPage.RouterFindings> groups = new ArrayList<>();
    private final SecretValues secrets;

    FindingViews(
            List<ReportedFinding> reported,
            List<ReportedFinding> suppressed,
            Map<String, RuleMetadata> rules,
            LinkTarget links,
            SecretValues secrets) {
        this.secrets = secrets;
        Map<String, Map<String, List<ReportedFinding>>> byFileAndRule = new TreeMap<>();
        List<ReportedFinding> all = new ArrayList<>(reported);
        all.addAll(suppressed);
        all.sort(null);
        for (ReportedFinding finding : all) {
            anchors.put(finding, "f" + (anchors.size() + 1));
            byFileAndRule
                    .computeIfAbsent(finding.finding().location().file(), f -> new TreeMap<>())
                    .computeIfAbsent(finding.finding().ruleId(), r -> new ArrayList<>())
                    .add(finding);
        }
        for (Map.Entry<String, Map<String, List<ReportedFinding>>> file : byFileAndRule.entrySet()) {
            List<AuditPage.RuleFindings> byRule = new ArrayList<>();
            for (Map.Entry<String, List<ReportedFinding>> rule : file.getValue().entrySet()) {
                RuleMetadata metadata = rules.get(rule.getKey());
                byRule.add(new AuditPage.RuleFindings(
                        rule.getKey(),
                        metadata == null ? "" : metadata.title(),
                        rule.getValue().stream().map(f -> view(f, links)).toList()));
            }
            groups.add(new AuditPage.RouterFindings(file.getKey(), byRule));
        }
    }

    List<AuditPage.RouterFindings> groups() {
        return groups;
    }

    /** The in-page link to a finding. */
    String href(ReportedFinding finding) {
        return "#" + anchors.get(finding);
    }

    private AuditPage.FindingView view(ReportedFinding reported, LinkTarget links) {
        Finding finding = reported.finding();
        List<String> related = new ArrayList<>();
        for (RelatedLocation r : finding.related()) {
            related.add(r.location().file() + ":" + r.location().line() + ": " + r.message());
        }
        return new AuditPage.FindingView(
                anchors.get(reported),
                finding.level().id(),
                finding.location().toString(),
                links.href(finding.location()),
                finding.message(),
                finding.witness() == null ? null : finding.witness().describe(),
                finding.fix() == null || finding.fix().isBlank()
                        ? null
                        : finding.fix().strip(),
                reported.suppressed() ? suppressedBecause(reported) : null,
                related,
                steps(finding));
    }

    private String suppressedBecause(ReportedFinding reported) {
        String reason = reported.suppression().reason();
        return secrets.redact(reason == null || reason.isBlank() ? "a vpnlint:ignore comment" : reason);
    }

    /** Each step's header field by field, marked where it differs from the header before the step. */
    static List<AuditPage.Step> steps(Finding finding) {
        List<AuditPage.Step> steps = new ArrayList<>();
        PacketFields before = finding.witness() == null ? null : PacketFields.of(finding.witness());
        for (TraceStep step : finding.trace()) {
            List<AuditPage.Field> fields = new ArrayList<>();
            PacketFields after = step.header() == null ? null : PacketFields.of(step.header());
            if (after != null) {
                for (Map.Entry<String, String> field : fieldsOf(after).entrySet()) {
                    String old = before == null ? null : fieldsOf(before).get(field.getKey());
                    boolean changed = before != null && !field.getValue().equals(old);
                    fields.add(new AuditPage.Field(field.getKey(), field.getValue(), changed));
                }
                before = after;
            }
            String where = step.location() == null
                    ? null
                    : step.location().file() + ":" + step.location().line();
            steps.add(new AuditPage.Step(step.stageId(), StepText.detail(step), where, StepText.header(step), fields));
        }
        return steps;
    }

    private static Map<String, String> fieldsOf(PacketFields header) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("proto", header.protocol());
        fields.put("src", header.src());
        if (header.srcPort() != null) fields.put("sport", header.srcPort().toString());
        fields.put("dst", header.dst());
        if (header.dstPort() != null) fields.put("dport", header.dstPort().toString());
        return fields;
    }
}
