package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.samples.ExpectMarkers;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.InputFiles;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ProjectConfig;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/**
 * Every configuration under {@code samples/} is a test: the warnings and errors vpnlint reports must be exactly
 * the ones its {@code EXPECT:} markers name, at the lines they name (notes do not count). The sample units are the
 * networks of {@code samples/.vpnlint.yaml}, the same that {@code vpnlint check samples/} analyses: every file on
 * its own, except the pair folders, whose files are analysed together for the rules about both ends of a tunnel.
 */
class SamplesTest {
    private static final Analysis ANALYSIS = Analysis.withAllRules();

    @TestFactory
    Stream<DynamicTest> everySampleReportsExactlyWhatItExpects() throws Exception {
        Path root = RepositoryRoot.path();
        Path samples = root.resolve("samples");
        assertTrue(Files.isDirectory(samples), "no samples folder at " + samples);
        ProjectConfig config = ProjectConfig.load(
                samples.resolve(ProjectConfig.FILE_NAME),
                ANALYSIS.rules().stream().map(Rule::id).collect(Collectors.toSet()));

        List<Diagnostic> problems = new ArrayList<>();
        List<Path> files = InputFiles.expand(List.of(samples), problems);
        assertEquals(List.of(), problems);
        return config.networks().group(files).entrySet().stream()
                .map(unit -> DynamicTest.dynamicTest(
                        unit.getKey().isAbsolute()
                                ? root.relativize(unit.getKey()).toString()
                                : "all samples as one network",
                        () -> check(root, config, unit.getValue())));
    }

    private static void check(Path root, ProjectConfig config, List<Path> files) throws IOException {
        AnalysisRequest request = new AnalysisRequest(files, List.of(), null, config, null, root, LocalDate.now());
        AnalysisResult result = ANALYSIS.run(request);

        Set<Expected> expected = new TreeSet<>();
        for (Path file : files)
            expected.addAll(ExpectMarkers.read(root.relativize(file).toString(), Files.readString(file)));
        Map<Expected, String> reported = new TreeMap<>();
        for (ReportedFinding finding : result.findings()) {
            if (finding.finding().level() == Level.NOTE) continue;
            reported.put(
                    new Expected(
                            finding.finding().location().file(),
                            finding.finding().location().line(),
                            finding.finding().ruleId()),
                    finding.finding().message());
        }

        List<String> problems = new ArrayList<>();
        for (InternalFailure failure : result.internalFailures()) problems.add("internal error: " + failure.what());
        for (Expected missing : expected) {
            if (!reported.containsKey(missing)) problems.add("missing:    " + missing);
        }
        reported.forEach((finding, message) -> {
            if (!expected.contains(finding)) problems.add("unexpected: " + finding + ": " + message);
        });
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems) + "\n(EXPECT markers name the rule on the line above the node it reports;"
                    + " run ./vpnlint check -v on the sample to see the findings)");
        }
    }
}
