package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.cli.analysis.Analysis;

/**
 * The text report ({@code vpnlint check -v}) of every sample that expects findings, kept as a file under {@code cli/src/test/snapshots} (as
 * Ruff keeps its snapshots): a change of wording, trace or fix shows up as a diff of those files in review. The
 * samples test checks which findings are reported; this test checks how they read.
 *
 * <p>After a deliberate change: {@code mvn -B -ntp -q -pl checks,cli -am test -Dtest=TextReportSnapshotTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dvpnlint.regenerate=true}, then review {@code git diff
 * cli/src/test/snapshots}.
 */
class TextReportSnapshotTest {
    private static final Analysis ANALYSIS = Analysis.withAllRules();
    private static final boolean REGENERATE = Boolean.getBoolean("vpnlint.regenerate");
    private static final String HOW_TO_REGENERATE = "if the change is deliberate, rerun with -Dvpnlint.regenerate=true"
            + " and review git diff cli/src/test/snapshots";

    @TestFactory
    Stream<DynamicTest> everyBadSampleReadsAsItsSnapshot() throws Exception {
        return badSamples().entrySet().stream()
                .map(unit -> DynamicTest.dynamicTest(
                        "samples/" + unit.getKey(), () -> compare(unit.getKey(), unit.getValue())));
    }

    @Test
    void everySnapshotBelongsToABadSample() throws Exception {
        Set<Path> expected = new TreeSet<>();
        for (String unit : badSamples().keySet()) expected.add(snapshotOf(unit));
        List<Path> stale = new ArrayList<>();
        if (Files.isDirectory(snapshots())) {
            try (Stream<Path> files = Files.walk(snapshots())) {
                files.filter(Files::isRegularFile)
                        .filter(file -> !expected.contains(file))
                        .forEach(stale::add);
            }
        }
        if (REGENERATE) {
            for (Path file : stale) Files.delete(file);
        } else if (!stale.isEmpty()) {
            fail("snapshots of no sample that expects findings: " + stale + "; " + HOW_TO_REGENERATE);
        }
    }

    /** The sample runs (a file, or a pair folder) with at least one EXPECT marker. */
    private static Map<String, List<Path>> badSamples() throws Exception {
        Map<String, List<Path>> bad = new java.util.TreeMap<>();
        for (Map.Entry<String, List<Path>> unit :
                SampleUnits.load(ANALYSIS).units().entrySet()) {
            if (!SampleUnits.expected(unit.getValue()).isEmpty()) bad.put(unit.getKey(), unit.getValue());
        }
        return bad;
    }

    private static void compare(String unit, List<Path> files) throws IOException {
        Path root = RepositoryRoot.path();
        // -v: the traces and notes too, which are wording as much as the messages (standard error, where -v
        // also prints the timings, is left out)
        List<String> args = new ArrayList<>(List.of("check", "-v"));
        for (Path file : files) args.add(root.relativize(file).toString());
        CliRun run = CliRun.in(root, ANALYSIS, args.toArray(String[]::new));
        String report = run.out();

        Path snapshot = snapshotOf(unit);
        if (REGENERATE) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, report, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(snapshot)) fail("no snapshot " + root.relativize(snapshot) + "; " + HOW_TO_REGENERATE);
        assertEquals(
                Files.readString(snapshot, StandardCharsets.UTF_8),
                report,
                "the text report of samples/" + unit + " differs from " + root.relativize(snapshot) + "; "
                        + HOW_TO_REGENERATE);
    }

    private static Path snapshots() {
        return RepositoryRoot.path().resolve("cli/src/test/snapshots");
    }

    /** {@code rules/x/bad-y.set} → {@code rules/x/bad-y.set.txt}; a pair folder {@code pairs/p} → {@code pairs/p.txt}. */
    private static Path snapshotOf(String unit) {
        return snapshots().resolve(unit + ".txt");
    }
}
