package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.samples.ExpectMarkers;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.InputFiles;
import org.vpnlint.cli.analysis.ProjectConfig;
import org.vpnlint.model.Diagnostic;

/**
 * The runs that {@code vpnlint check samples/} makes: the networks of {@code samples/.vpnlint.yaml}, every file on
 * its own except the pair folders, whose files are one network. The samples test and the text report snapshots
 * both go through this list.
 *
 * @param config the samples' project configuration
 * @param units  each run's name (its file or folder below {@code samples/}) and files, in sorted order
 */
record SampleUnits(ProjectConfig config, Map<String, List<Path>> units) {

    static SampleUnits load(Analysis analysis) throws Exception {
        Path samples = RepositoryRoot.path().resolve("samples");
        assertTrue(Files.isDirectory(samples), "no samples folder at " + samples);
        ProjectConfig config = ProjectConfig.load(
                samples.resolve(ProjectConfig.FILE_NAME),
                analysis.rules().stream().map(Rule::id).collect(Collectors.toSet()));
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> files = InputFiles.expand(List.of(samples), problems);
        assertEquals(List.of(), problems);
        Map<String, List<Path>> units = new TreeMap<>();
        config.networks()
                .group(files)
                .forEach((key, unitFiles) -> units.put(
                        key.isAbsolute() ? samples.relativize(key).toString() : "all samples as one network",
                        unitFiles));
        return new SampleUnits(config, units);
    }

    /** What the markers of the unit's files expect, the files named relative to the repository root. */
    static Set<Expected> expected(List<Path> files) throws IOException {
        Path root = RepositoryRoot.path();
        Set<Expected> expected = new java.util.TreeSet<>();
        for (Path file : files)
            expected.addAll(ExpectMarkers.read(root.relativize(file).toString(), Files.readString(file)));
        return expected;
    }
}
