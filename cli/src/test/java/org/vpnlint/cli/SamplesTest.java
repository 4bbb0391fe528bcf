package org.vpnlint.cli;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.cli.SampleExpectations.Expected;
import org.vpnlint.cli.analysis.Analysis;
import org.vpnlint.cli.analysis.AnalysisRequest;
import org.vpnlint.cli.analysis.AnalysisResult;
import org.vpnlint.cli.analysis.InputFiles;
import org.vpnlint.cli.analysis.InternalFailure;
import org.vpnlint.cli.analysis.ProjectConfig;
import org.vpnlint.cli.analysis.ReportedFinding;
import org.vpnlint.model.Level;

/**
 * Every configuration under {@code samples/} is a test: the warnings and errors vpnlint reports must be exactly
 * the ones its {@code EXPECT:} markers name, at the lines they name (notes do not count). The files of a folder
 * directly below a {@code pairs/} folder are analysed together as one network, for the rules about both ends of a
 * tunnel.
 */
class SamplesTest {
    private static final Analysis ANALYSIS = Analysis.withAllRules();

    @TestFactory
    Stream<DynamicTest> everySampleReportsExactlyWhatItExpects() throws IOException {
        Path root = RepositoryRoot.path();
        Path samples = root.resolve("samples");
        assertTrue(Files.isDirectory(samples), "no samples folder at " + samples);
        return units(samples).entrySet().stream().map(unit -> DynamicTest.dynamicTest(
                root.relativize(unit.getKey()).toString(), () -> check(root, unit.getValue())));
    }

    /** Sample units by their path: a single file, or a pair folder with all its files. */
    private static Map<Path, List<Path>> units(Path samples) throws IOException {
        Map<Path, List<Path>> units = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(samples)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(InputFiles::looksLikeRouterConfig).sorted().toList()) {
                Path pair = pairFolder(samples, file);
                units.computeIfAbsent(pair != null ? pair : file, key -> new ArrayList<>()).add(file);
            }
        }
        return units;
    }

    private static Path pairFolder(Path samples, Path file) {
        for (Path dir = file.getParent(); dir != null && dir.startsWith(samples) && dir.getParent() != null;
             dir = dir.getParent()) {
            if (dir.getParent().getFileName().toString().equals("pairs")) return dir;
        }
        return null;
    }

    private static void check(Path root, List<Path> files) throws IOException {
        AnalysisRequest request = new AnalysisRequest(files, List.of(), null, ProjectConfig.none(), null, root,
                LocalDate.now());
        AnalysisResult result = ANALYSIS.run(request);

        Set<Expected> expected = new TreeSet<>();
        for (Path file : files) expected.addAll(SampleExpectations.of(file, root.relativize(file).toString()));
        Map<Expected, String> reported = new TreeMap<>();
        for (ReportedFinding finding : result.findings()) {
            if (finding.finding().level() == Level.NOTE) continue;
            reported.put(new Expected(finding.finding().location().file(), finding.finding().location().line(),
                    finding.finding().ruleId()), finding.finding().message());
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
