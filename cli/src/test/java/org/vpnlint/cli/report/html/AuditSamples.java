package org.vpnlint.cli.report.html;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.ProjectConfig;

/**
 * A small audit over bundled samples, analysed the way {@code vpnlint check} does: two clean and two broken pairs
 * (one behind NAT), and two single routers whose tunnels go to routers not given (one with a source NAT finding
 * and its trace, one with GRE). The samples' {@code .vpnlint.yaml} keeps each pair folder a network of its own.
 */
final class AuditSamples {
    static final List<String> FILES = List.of(
            "samples/pairs/initiator-and-responder/east.boot", "samples/pairs/initiator-and-responder/west.set",
            "samples/pairs/nat-one-side-without-id/east.boot", "samples/pairs/nat-one-side-without-id/west.boot",
            "samples/pairs/selectors-not-mirrored/east.boot", "samples/pairs/selectors-not-mirrored/west.boot",
            "samples/seed/snat-without-exclude.boot", "samples/seed/gre-canonical.boot");

    private AuditSamples() {}

    static Path root() {
        String root = System.getProperty("vpnlint.repositoryRoot");
        if (root == null)
            throw new IllegalStateException("run the tests through Maven: vpnlint.repositoryRoot is not set");
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** A fresh analysis (its own Z3 context), as a separate run of vpnlint would do. */
    static AnalysisResult analyse() throws Exception {
        return analyse(FILES, List.of());
    }

    /** Some files reported on, others loaded as {@code --context} only. */
    static AnalysisResult analyse(List<String> reported, List<String> context) throws Exception {
        Analysis analysis = Analysis.withAllRules();
        Path root = root();
        ProjectConfig config = ProjectConfig.load(
                root.resolve("samples").resolve(ProjectConfig.FILE_NAME),
                analysis.rules().stream().map(Rule::id).collect(Collectors.toSet()));
        List<Path> files = reported.stream().map(root::resolve).toList();
        List<Path> contextFiles = context.stream().map(root::resolve).toList();
        return analysis.run(
                new AnalysisRequest(files, contextFiles, null, config, null, root, LocalDate.of(2026, 12, 4)));
    }

    /** The page as written next to the repository root's files (so its links are the sample paths). */
    static String render(AnalysisResult result) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlReport("test", root(), root()).write(result, out);
        return out.toString();
    }
}
