package org.vpnlint.cli.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.checks.diff.RouterImpact;
import org.vpnlint.checks.diff.SaMode;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.solver.Z3Solver;

/**
 * Every folder under {@code samples/diff/} is a before/after pair ({@code before.*} and {@code after.*}, or folders
 * {@code before/} and {@code after/}) with an {@code EXPECTED} file: what {@code vpnlint diff} must prove, line by
 * line (see the files for the form). Also every class found must have been replayed on both versions, which the
 * engine does before reporting.
 */
class DiffSamplesTest {

    @TestFactory
    Stream<DynamicTest> everyPairReportsExactlyWhatItExpects() throws IOException {
        Path root = Path.of(System.getProperty("vpnlint.repositoryRoot"))
                .toAbsolutePath()
                .normalize();
        Path samples = root.resolve("samples/diff");
        List<Path> cases;
        try (Stream<Path> folders = Files.list(samples)) {
            cases = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 5, "the diff samples are missing");
        return cases.stream()
                .map(folder -> DynamicTest.dynamicTest(root.relativize(folder).toString(), () -> check(folder)));
    }

    private static void check(Path folder) throws IOException {
        Path before = only(folder, "before");
        Path after = only(folder, "after");
        List<Diagnostic> problems = new ArrayList<>();
        List<VersionPair> pairs = VersionPairs.ofPaths(before, after, folder, problems);
        DiffResult result = new DiffRun(null, SaMode.BOTH, Z3Solver::new).run(pairs, problems);
        assertEquals(
                List.of(), result.internalFailures().stream().map(f -> f.what()).toList());
        assertEquals(
                List.of(),
                result.diagnostics().stream()
                        .filter(d -> d.level() == Level.ERROR)
                        .toList());
        List<String> expected = Files.readAllLines(folder.resolve("EXPECTED")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertEquals(expected, lines(result), "vpnlint diff on " + folder);
    }

    /** The result in the EXPECTED form. */
    static List<String> lines(DiffResult result) {
        List<String> lines = new ArrayList<>();
        for (RouterImpact impact : result.impacts()) {
            String name = impact.afterFile();
            if (impact.provedUnchanged()) {
                lines.add(name + ": unchanged (proved)");
                continue;
            }
            lines.add(name + ": changed" + (impact.proved() ? " (proved complete)" : " (search not finished)"));
            for (FateDifference difference : impact.differences()) {
                lines.add(name + ": " + difference.level().id() + " "
                        + difference.before().verdict().id() + " -> "
                        + difference.after().verdict().id() + ", SA " + difference.saState() + ", arriving on "
                        + String.join(
                                " ",
                                difference.ingresses().stream()
                                        .map(Ingress::toString)
                                        .toList()));
            }
        }
        return lines;
    }

    private static Path only(Path folder, String name) throws IOException {
        if (Files.isDirectory(folder.resolve(name))) return folder.resolve(name);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith(name + "."))
                    .toList();
            assertEquals(1, found.size(), "one " + name + ".* in " + folder);
            return found.get(0);
        }
    }
}
