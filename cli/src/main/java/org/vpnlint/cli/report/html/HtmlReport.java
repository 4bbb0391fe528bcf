package org.vpnlint.cli.report.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.samples.SampleFile;
import org.vpnlint.cli.analysis.AnalysedNetworks;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.cli.report.Report;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Level;

/**
 * {@code --format html}: the audit page, one self-contained HTML file (styles inline, the drawing as inline SVG, no
 * script, nothing fetched). The page model is assembled here from the findings and the analysed networks and then
 * rendered by the jte template {@code audit.jte}, which the build precompiled into a class.
 */
public final class HtmlReport implements Report {
    private final String version;
    private final LinkTarget links;

    /** {@code pageDirectory}: where the page is written, so that links to the configuration files are relative. */
    public HtmlReport(String version, Path workingDirectory, Path pageDirectory) {
        this.version = version;
        this.links = new LinkTarget(workingDirectory, pageDirectory);
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
        engine.render("audit.jte", page(result), new WriterOutput(out));
        out.flush();
    }

    AuditPage page(AnalysisResult result) {
        AnalysedNetworks analysed = result.analysed();
        SecretValues secrets = analysed.secrets();
        Map<String, RuleMetadata> rules = result.rules().stream()
                .collect(Collectors.toMap(RuleMetadata::id, Function.identity(), (a, b) -> a, TreeMap::new));
        Set<String> reportedFiles = new TreeSet<>(result.files());

        FindingViews findings = new FindingViews(result.findings(), result.suppressed(), rules, links, secrets);
        TunnelInventory inventory = new TunnelInventory(analysed.networks(), reportedFiles);
        List<ReportedFinding> judged = new ArrayList<>(result.findings());
        judged.addAll(result.suppressed());
        TunnelJudgement judgement = new TunnelJudgement(
                new TunnelFindings(judged, inventory.startsOfTunnels()),
                result.diagnostics(),
                Set.copyOf(analysed.rulesRun()),
                result.baselined(),
                findings,
                reportedFiles);

        NetworkDrawing drawing = new NetworkDrawing(analysed.networks(), reportedFiles, secrets);
        List<AuditPage.TunnelRow> rows = new ArrayList<>();
        for (TunnelInventory.Ends ends : inventory.tunnels()) {
            AuditPage.TunnelRow row = row("t" + (rows.size() + 1), ends, judgement, secrets);
            rows.add(row);
            drawing.add(new NetworkDrawing.DrawnTunnel(
                    row,
                    ends.router(),
                    ends.paired() ? ends.partnerEnd().router() : null,
                    row.local().peer(),
                    ends.nat(),
                    ends.partnerNat()));
        }
        List<AuditPage.Count> byStatus = Arrays.stream(TunnelStatus.values())
                .map(s -> new AuditPage.Count(
                        s.legend(),
                        s.cssClass(),
                        rows.stream()
                                .filter(r -> r.statusClass().equals(s.cssClass()))
                                .count()))
                .toList();

        AuditPage.Summary summary = new AuditPage.Summary(
                result.routers(),
                result.files().size(),
                rows.size(),
                inventory.pairs(),
                result.count(Level.ERROR),
                result.count(Level.WARNING),
                result.count(Level.NOTE),
                result.suppressed().size(),
                result.baselined(),
                byStatus,
                countsByRule(result),
                result.diagnostics().stream().map(HtmlReport::note).toList(),
                analysed.rulesRun(),
                result.internalFailures().stream().map(f -> f.what()).toList());
        List<String> propertyTitles = Arrays.stream(TunnelProperty.values())
                .map(TunnelProperty::title)
                .toList();
        return new AuditPage(
                version,
                summary,
                drawing.layOut(byStatus),
                propertyTitles,
                rows,
                findings.groups(),
                ruleDocs(result, rules));
    }

    private AuditPage.TunnelRow row(
            String id, TunnelInventory.Ends ends, TunnelJudgement judgement, SecretValues secrets) {
        AuditPage.End local = TunnelInventory.end(ends.router(), ends.peer(), ends.tunnel(), links, secrets);
        AuditPage.End remote = null;
        String remoteNotGiven = null;
        String nat;
        String initiator;
        if (ends.paired()) {
            IpsecTunnel partnerTunnel = ends.partnerTunnel();
            if (partnerTunnel != null) {
                remote = TunnelInventory.end(
                        ends.partnerEnd().router(), ends.partnerEnd().peer(), partnerTunnel, links, secrets);
            } else {
                remoteNotGiven = ends.partnerEnd().label() + " has no tunnel that matches this one";
            }
            nat = "this end: " + ends.nat().describe() + "; other end: "
                    + ends.partnerNat().describe();
            initiator = TunnelInventory.startActions(
                    new PeerEnd(ends.router(), ends.peer()).startAction(),
                    ends.partnerEnd().startAction());
        } else {
            remoteNotGiven = "the router of peer " + secrets.redact(ends.peer().name()) + " was not given";
            nat = "unknown (the other end was not given)";
            initiator = new PeerEnd(ends.router(), ends.peer()).startAction().description();
        }
        TunnelJudgement.Verdict verdict = judgement.judge(ends);
        return new AuditPage.TunnelRow(
                id,
                verdict.status().cssClass(),
                verdict.status().legend(),
                local,
                remote,
                remoteNotGiven,
                secrets.redact(nat),
                initiator,
                verdict.cells());
    }

    private static List<AuditPage.Count> countsByRule(AnalysisResult result) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> levels = new TreeMap<>();
        for (ReportedFinding finding : result.findings()) {
            counts.merge(finding.finding().ruleId(), 1L, Long::sum);
            levels.merge(
                    finding.finding().ruleId(),
                    finding.finding().level().id(),
                    (a, b) -> a.equals("error") || b.equals("error") ? "error" : a.equals("warning") ? a : b);
        }
        return counts.entrySet().stream()
                .map(e -> new AuditPage.Count(e.getKey(), levels.get(e.getKey()), e.getValue()))
                .toList();
    }

    private static AuditPage.Note note(Diagnostic diagnostic) {
        return new AuditPage.Note(
                diagnostic.location().toString(), diagnostic.level().id(), diagnostic.code(), diagnostic.message());
    }

    /** The documentation of every rule that fired (reported or suppressed), Markdown rendered with raw HTML escaped. */
    private static List<AuditPage.RuleDoc> ruleDocs(AnalysisResult result, Map<String, RuleMetadata> rules) {
        Set<String> fired = new TreeSet<>();
        result.findings().forEach(f -> fired.add(f.finding().ruleId()));
        result.suppressed().forEach(f -> fired.add(f.finding().ruleId()));
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer =
                HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
        List<AuditPage.RuleDoc> docs = new ArrayList<>();
        for (String id : fired) {
            RuleMetadata rule = rules.get(id);
            if (rule == null) continue;
            docs.add(new AuditPage.RuleDoc(
                    id,
                    rule.title(),
                    rule.defaultLevel().id(),
                    renderer.render(parser.parse(rule.summary())),
                    renderer.render(parser.parse(rule.explanation())),
                    exampleText(rule.badExample()),
                    exampleText(rule.fixedExample())));
        }
        return docs;
    }

    /** An example's sample files, each under a comment naming it. */
    private static String exampleText(List<SampleFile> example) {
        return example.stream()
                .map(SampleFile::namedText)
                .collect(Collectors.joining("\n"))
                .strip();
    }
}
