package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Rule;
import org.vpnlint.cli.CorpusExpectations.Entry;
import org.vpnlint.cli.CorpusExpectations.Key;
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
 * The real-world precision corpus ({@code corpus/}, see its README): the errors and warnings vpnlint reports on
 * public configurations must be exactly those of {@code corpus/EXPECTED.tsv}. A finding that is not listed (a new
 * false positive, or a new true one to review) fails, and so does a listed finding that disappears. The test
 * prints the precision of the listed findings by their triage verdict.
 *
 * <p>The configurations themselves are not in the repository: {@code corpus/materialise} writes them into
 * {@code corpus/configs/} from local snapshots of their public repositories. Without them the test is skipped,
 * unless {@code VPNLINT_REQUIRE_CORPUS=1}. With {@code VPNLINT_CORPUS_UPDATE=1} (what
 * {@code corpus/update-expectations} sets) the test rewrites EXPECTED.tsv from today's findings instead of
 * failing, keeping the triage of findings that remain and marking new ones {@code unreviewed}.
 */
class CorpusTest {
    private static final Analysis ANALYSIS = Analysis.withAllRules();

    @Test
    void findingsOnTheCorpusAreExactlyTheListedOnes() throws Exception {
        Path root = RepositoryRoot.path();
        Path corpus = root.resolve("corpus");
        Path configs = corpus.resolve("configs");
        List<String> sources = listedFiles(corpus.resolve("SOURCES"));
        boolean present = Files.isDirectory(configs);
        if (!present && "1".equals(System.getenv("VPNLINT_REQUIRE_CORPUS"))) {
            fail("VPNLINT_REQUIRE_CORPUS=1 but " + configs + " is missing: run corpus/materialise first");
        }
        assumeTrue(present, "corpus/configs/ is missing: run corpus/materialise to check the corpus");
        List<String> missing = sources.stream()
                .filter(file -> !Files.isRegularFile(configs.resolve(file)))
                .toList();
        assertEquals(
                List.of(), missing, "files of corpus/SOURCES missing below corpus/configs/ (run corpus/materialise)");

        ProjectConfig config = ProjectConfig.load(
                corpus.resolve(ProjectConfig.FILE_NAME),
                ANALYSIS.rules().stream().map(Rule::id).collect(Collectors.toSet()));
        List<Diagnostic> problems = new ArrayList<>();
        List<Path> files = InputFiles.expand(List.of(configs), problems);
        assertEquals(List.of(), problems);
        assertEquals(sources.size(), files.size(), "corpus/configs/ holds files that corpus/SOURCES does not list");

        Map<Key, String> reported = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (List<Path> unit : config.networks().group(files).values()) {
            AnalysisRequest request =
                    new AnalysisRequest(unit, List.of(), null, config, null, configs, LocalDate.now());
            AnalysisResult result = ANALYSIS.run(request);
            for (InternalFailure failure : result.internalFailures()) failures.add("internal error: " + failure.what());
            for (ReportedFinding reportedFinding : result.findings()) {
                var finding = reportedFinding.finding();
                if (finding.level() == Level.NOTE) continue;
                reported.put(
                        new Key(finding.location().file(), finding.location().line(), finding.ruleId()),
                        finding.level().name().toLowerCase(java.util.Locale.ROOT));
            }
        }

        Path expectationsFile = corpus.resolve("EXPECTED.tsv");
        if ("1".equals(System.getenv("VPNLINT_CORPUS_UPDATE"))) {
            update(expectationsFile, CorpusExpectations.read(expectationsFile), reported);
        }
        Map<Key, Entry> expected = CorpusExpectations.read(expectationsFile);

        for (Key key : expected.keySet()) {
            if (!reported.containsKey(key))
                failures.add("missing:    " + key + " (" + expected.get(key).verdict() + ")");
        }
        reported.forEach((key, level) -> {
            if (!expected.containsKey(key)) failures.add("unexpected: " + key + " " + level);
        });
        System.out.println(precision(expected.values(), files.size()));
        if (!failures.isEmpty()) {
            fail(String.join("\n", failures) + "\n(run corpus/update-expectations to rewrite corpus/EXPECTED.tsv"
                    + " from today's findings, then triage the unreviewed ones)");
        }
    }

    private static void update(Path file, Map<Key, Entry> old, Map<Key, String> reported) throws IOException {
        List<Entry> entries = new ArrayList<>();
        reported.forEach((key, level) -> {
            Entry known = old.get(key);
            entries.add(
                    known != null
                            ? new Entry(key, level, known.verdict(), known.cause(), known.why())
                            : new Entry(key, level, "unreviewed", "", ""));
        });
        CorpusExpectations.write(file, CorpusExpectations.leadingComments(file), entries);
    }

    /** Precision counts false and unsure findings against vpnlint; unreviewed ones are left out and named. */
    static String precision(java.util.Collection<Entry> entries, int files) {
        Map<String, Long> byVerdict =
                entries.stream().collect(Collectors.groupingBy(Entry::verdict, TreeMap::new, Collectors.counting()));
        long truePositives = byVerdict.getOrDefault("true", 0L);
        long judged = truePositives + byVerdict.getOrDefault("false", 0L) + byVerdict.getOrDefault("unsure", 0L);
        String ratio =
                judged == 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * truePositives / judged);
        return "corpus: " + files + " files, " + entries.size() + " errors and warnings " + byVerdict
                + "; precision (true / (true + false + unsure)) = " + ratio;
    }

    private static List<String> listedFiles(Path sources) throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(sources, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("file\t")) continue;
            files.add(line.substring(0, line.indexOf('\t')));
        }
        return files;
    }
}
