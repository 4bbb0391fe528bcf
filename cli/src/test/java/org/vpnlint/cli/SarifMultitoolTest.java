package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.cli.analysis.Analysis;

/**
 * The samples' SARIF as a real consumer reads it: Microsoft's SARIF Multitool ({@code validate}) with the SARIF
 * rules and the ones GitHub code scanning adds ({@code --rule-kind "Sarif;Gh"}) must report no error and no warning.
 * The multitool is the npm package {@code @microsoft/sarif-multitool} (a self-contained .NET executable, no .NET
 * runtime needed), installed by .ci/run. Its {@code sarif-multitool} command passes the arguments through a shell,
 * which splits {@code Sarif;Gh} at the semicolon, so the test asks the package for its executable and runs that.
 */
@Tag("sarif-multitool")
class SarifMultitoolTest {
    private static final String PACKAGE = "@microsoft/sarif-multitool";

    @TempDir
    Path work;

    @Test
    void theSamplesSarifHasNoErrorAndNoWarning() throws Exception {
        Path multitool = multitool();
        Path sarif = work.resolve("samples.sarif");
        CliRun run = CliRun.in(
                RepositoryRoot.path(),
                Analysis.withAllRules(),
                "check",
                "--format",
                "sarif",
                "--fail-on",
                "never",
                "-o",
                sarif.toString(),
                "samples");
        assertEquals(0, run.exitCode(), run.err());
        Path validation = work.resolve("validation.sarif");

        Output output = run(
                multitool.toString(),
                "validate",
                "--rule-kind",
                "Sarif;Gh",
                "-o",
                validation.toString(),
                sarif.toString());

        assertEquals(0, output.exitCode(), output.text());
        JsonNode validationRun =
                new ObjectMapper().readTree(validation.toFile()).path("runs").get(0);
        List<String> problems = new ArrayList<>();
        for (JsonNode result : validationRun.path("results")) {
            problems.add(
                    result.path("ruleId").asText() + " " + result.path("level").asText("warning") + ": "
                            + result.path("message").path("arguments").toString());
        }
        for (JsonNode notification : validationRun.path("invocations").path(0).path("toolExecutionNotifications")) {
            problems.add(
                    "notification: " + notification.path("message").path("text").asText());
        }
        assertEquals(List.of(), problems, output.text());
        assertTrue(output.text().contains("1 files scanned"), output.text());
    }

    /** The executable the installed package points at (its index.js exports the path for this platform). */
    private Path multitool() throws Exception {
        if (RequiredTools.onPath("node").isEmpty()
                || RequiredTools.onPath("npm").isEmpty()) {
            RequiredTools.unavailable("node and npm are needed to find the SARIF Multitool");
        }
        Output root = run("npm", "root", "-g");
        Path installed = Path.of(root.text().strip(), PACKAGE);
        if (root.exitCode() != 0 || !Files.isDirectory(installed)) {
            RequiredTools.unavailable(PACKAGE + " is not installed (npm install -g " + PACKAGE + ")");
        }
        Output resolved = run("node", "-p", "require(process.argv[1])", installed.toString());
        Path executable = Path.of(resolved.text().strip());
        if (resolved.exitCode() != 0 || !Files.isExecutable(executable)) {
            RequiredTools.unavailable(
                    "the SARIF Multitool executable is missing or not executable: " + resolved.text());
        }
        return executable;
    }

    private record Output(int exitCode, String text) {}

    private Output run(String... command) throws Exception {
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Output(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
