package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ProjectConfig;
import org.vpnlint.cli.analysis.ReportedFinding;
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
        SampleUnits samples = SampleUnits.load(ANALYSIS);
        return samples.units().entrySet().stream()
                .map(unit -> DynamicTest.dynamicTest(
                        "samples/" + unit.getKey(), () -> check(root, samples.config(), unit.getValue())));
    }

    private static void check(Path root, ProjectConfig config, List<Path> files) throws IOException {
        AnalysisRequest request = new AnalysisRequest(files, List.of(), null, config, null, root, LocalDate.now());
        AnalysisResult result = ANALYSIS.run(request);

        Set<Expected> expected = SampleUnits.expected(files);
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
