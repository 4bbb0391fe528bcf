package org.vpnlint.cli.analysis;

import java.util.List;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/**
 * Everything one run found, sorted, with secrets already redacted: the findings to report, those silenced by a
 * suppression comment (SARIF still lists them), how many the baseline accepted, the diagnostics about the input,
 * the files reported on, how many routers were analysed, the metadata of every rule (for SARIF and the docs),
 * internal failures, and the networks analysed (for the audit report's drawing and tunnel inventory).
 */
public record AnalysisResult(
        List<ReportedFinding> findings,
        List<ReportedFinding> suppressed,
        int baselined,
        List<Diagnostic> diagnostics,
        List<String> files,
        int routers,
        List<RuleMetadata> rules,
        List<InternalFailure> internalFailures,
        AnalysedNetworks analysed) {

    /** A result without the analysed networks (reports that print only findings need none). */
    public AnalysisResult(
            List<ReportedFinding> findings,
            List<ReportedFinding> suppressed,
            int baselined,
            List<Diagnostic> diagnostics,
            List<String> files,
            int routers,
            List<RuleMetadata> rules,
            List<InternalFailure> internalFailures) {
        this(
                findings,
                suppressed,
                baselined,
                diagnostics,
                files,
                routers,
                rules,
                internalFailures,
                AnalysedNetworks.NONE);
    }

    public AnalysisResult {
        findings = List.copyOf(findings);
        suppressed = List.copyOf(suppressed);
        diagnostics = List.copyOf(diagnostics);
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        internalFailures = List.copyOf(internalFailures);
    }

    /** 3 after an internal failure, 2 when some input could not be read or parsed, 1 on findings, else 0. */
    public int exitCode(FailOn failOn) {
        if (!internalFailures.isEmpty()) return ExitCodes.INTERNAL_ERROR;
        if (diagnostics.stream().anyMatch(d -> d.level() == Level.ERROR)) return ExitCodes.BAD_INPUT;
        if (findings.stream().anyMatch(f -> failOn.failsOn(f.finding().level()))) return ExitCodes.FINDINGS;
        return ExitCodes.CLEAN;
    }

    public long count(Level level) {
        return findings.stream().filter(f -> f.finding().level() == level).count();
    }
}
