package org.vpnlint.cli.analysis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.vpnlint.model.Dialect;

/**
 * What to analyse. {@code paths} are reported on; {@code context} files (and the project's {@code routers:}) are
 * loaded so that cross-router rules see the peers, but nothing is reported on them. File names in the results
 * are relative to {@code baseDirectory} when they lie below it. {@code dialect} overrides detection when not null;
 * {@code baseline} is null when none is used; {@code today} decides whether a suppression has expired.
 */
public record AnalysisRequest(
        List<Path> paths,
        List<Path> context,
        Dialect dialect,
        ProjectConfig config,
        Baseline baseline,
        Path baseDirectory,
        LocalDate today) {

    public AnalysisRequest {
        paths = List.copyOf(paths);
        context = List.copyOf(context);
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    /** The simplest request: these paths, no project configuration, file names relative to {@code baseDirectory}. */
    public static AnalysisRequest of(Path baseDirectory, List<Path> paths) {
        return new AnalysisRequest(paths, List.of(), null, ProjectConfig.none(), null, baseDirectory, LocalDate.now());
    }
}
