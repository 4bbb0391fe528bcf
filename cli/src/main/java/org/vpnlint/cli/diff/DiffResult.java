package org.vpnlint.cli.diff;

import java.util.List;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.cli.analysis.ExitCodes;
import org.vpnlint.cli.analysis.FailOn;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/**
 * Everything one {@code vpnlint diff} found: per router pair compared, what changed (or the proof that nothing
 * did); diagnostics about the input (sorted); internal failures.
 */
public record DiffResult(
        List<RouterImpact> impacts, List<Diagnostic> diagnostics, List<InternalFailure> internalFailures) {

    public DiffResult {
        impacts = List.copyOf(impacts);
        diagnostics = List.copyOf(diagnostics);
        internalFailures = List.copyOf(internalFailures);
    }

    public List<FateDifference> differences() {
        return impacts.stream().flatMap(impact -> impact.differences().stream()).toList();
    }

    /** 3 after an internal failure, 2 when some input could not be read, 1 on differences at or above the level, else 0. */
    public int exitCode(FailOn failOn) {
        if (!internalFailures.isEmpty()) return ExitCodes.INTERNAL_ERROR;
        if (diagnostics.stream().anyMatch(d -> d.level() == Level.ERROR)) return ExitCodes.BAD_INPUT;
        if (differences().stream().anyMatch(d -> failOn.failsOn(d.level()))) return ExitCodes.FINDINGS;
        return ExitCodes.CLEAN;
    }

    public long count(Level level) {
        return differences().stream().filter(d -> d.level() == level).count();
    }
}
