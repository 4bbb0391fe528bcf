package org.vpnlint.cli.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vpnlint.checks.diff.ChangeImpact;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.checks.diff.RouterVersion;
import org.vpnlint.checks.diff.SaMode;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.LoadedRouter;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.Solver;

/**
 * Reads both versions of every router pair, pairs the routers left over by host name, and compares each pair
 * ({@link ChangeImpact}). A pair whose files are byte for byte the same is unchanged without asking the solver. Input
 * problems of either version are reported (the old version's errors too: a proof needs both); a failure inside
 * vpnlint is an internal failure of that pair, the other pairs are still compared.
 */
public final class DiffRun {

    private final Dialect dialect;
    private final SaMode mode;
    private final Supplier<Solver> solvers;
    private final SecretValues secrets = new SecretValues();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final List<InternalFailure> failures = new ArrayList<>();
    private final List<RouterImpact> impacts = new ArrayList<>();
    private Solver solver;

    public DiffRun(Dialect dialect, SaMode mode, Supplier<Solver> solvers) {
        this.dialect = dialect;
        this.mode = mode;
        this.solvers = solvers;
    }

    /** The secrets of every file read, for redacting the report. */
    public SecretValues secrets() {
        return secrets;
    }

    public DiffResult run(List<VersionPair> pairs, List<Diagnostic> problems) {
        diagnostics.addAll(problems);
        List<LoadedRouter> onlyBefore = new ArrayList<>();
        List<LoadedRouter> onlyAfter = new ArrayList<>();
        try {
            for (VersionPair pair : pairs) {
                LoadedRouter before = pair.before() == null ? null : load(pair.before(), false);
                LoadedRouter after = pair.after() == null ? null : load(pair.after(), true);
                if (before == null) onlyAfter.add(after);
                else if (after == null) onlyBefore.add(before);
                else
                    compare(
                            before,
                            after,
                            Arrays.equals(pair.before().content(), pair.after().content()));
            }
            pairByHostName(onlyBefore, onlyAfter);
        } finally {
            if (solver != null) solver.close();
        }
        impacts.sort(Comparator.comparing(RouterImpact::afterFile).thenComparing(RouterImpact::beforeFile));
        diagnostics.sort(Comparator.comparing(Diagnostic::location).thenComparing(Diagnostic::code));
        return new DiffResult(impacts, diagnostics, failures);
    }

    private LoadedRouter load(VersionFile file, boolean isNew) {
        LoadedRouter loaded = LoadedRouter.fromContent(file.name(), file.content(), dialect);
        secrets.collect(loaded.tree().root());
        // the new version's diagnostics as check reports them; of the old one, what makes it unreadable
        for (Diagnostic diagnostic : loaded.diagnostics()) {
            if (isNew || diagnostic.level() == Level.ERROR) diagnostics.add(diagnostic);
        }
        return loaded;
    }

    /** Routers whose paths differ are the same router when they have the same host name (and only one has it). */
    private void pairByHostName(List<LoadedRouter> onlyBefore, List<LoadedRouter> onlyAfter) {
        Map<String, List<LoadedRouter>> beforeByName = byHostName(onlyBefore);
        Map<String, List<LoadedRouter>> afterByName = byHostName(onlyAfter);
        List<LoadedRouter> unmatchedAfter = new ArrayList<>(onlyAfter);
        List<LoadedRouter> unmatchedBefore = new ArrayList<>(onlyBefore);
        for (Map.Entry<String, List<LoadedRouter>> entry : afterByName.entrySet()) {
            List<LoadedRouter> twins = beforeByName.get(entry.getKey());
            if (entry.getValue().size() != 1 || twins == null || twins.size() != 1) continue;
            compare(twins.get(0), entry.getValue().get(0), false);
            unmatchedBefore.remove(twins.get(0));
            unmatchedAfter.remove(entry.getValue().get(0));
        }
        for (LoadedRouter after : unmatchedAfter) {
            diagnostics.add(new Diagnostic(
                    SourceLocation.at(after.name(), 1, 1),
                    Level.NOTE,
                    "diff-new-router",
                    "no earlier version of this router: its traffic is not compared (vpnlint check reports on it)"));
        }
        for (LoadedRouter before : unmatchedBefore) {
            diagnostics.add(new Diagnostic(
                    SourceLocation.at(before.name(), 1, 1),
                    Level.NOTE,
                    "diff-removed-router",
                    "this router has no new version: its traffic is not compared"));
        }
    }

    private static Map<String, List<LoadedRouter>> byHostName(List<LoadedRouter> routers) {
        Map<String, List<LoadedRouter>> byName = new HashMap<>();
        for (LoadedRouter loaded : routers) {
            if (loaded.router() != null && loaded.router().name() != null) {
                byName.computeIfAbsent(loaded.router().name(), name -> new ArrayList<>())
                        .add(loaded);
            }
        }
        return byName;
    }

    private void compare(LoadedRouter before, LoadedRouter after, boolean sameBytes) {
        if (before.router() == null || after.router() == null) {
            diagnostics.add(new Diagnostic(
                    SourceLocation.at(after.name(), 1, 1),
                    Level.ERROR,
                    "diff-unreadable",
                    "no router could be read from " + (before.router() == null ? before.name() : after.name())
                            + ": the versions are not compared"));
            return;
        }
        if (sameBytes) {
            impacts.add(new RouterImpact(before.name(), after.name(), true, List.of(), List.of()));
            return;
        }
        try {
            if (solver == null) solver = solvers.get();
            RouterImpact impact = ChangeImpact.compare(
                    solver,
                    new RouterVersion(before.router(), before.tree()),
                    new RouterVersion(after.router(), after.tree()),
                    mode);
            impacts.add(impact);
            for (String note : impact.notes()) {
                diagnostics.add(new Diagnostic(SourceLocation.at(after.name(), 1, 1), Level.NOTE, "diff-note", note));
            }
        } catch (RuntimeException e) {
            failures.add(new InternalFailure(
                    "comparing " + before.name() + " with " + after.name() + " failed ("
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                            + ")",
                    e));
        }
    }
}
