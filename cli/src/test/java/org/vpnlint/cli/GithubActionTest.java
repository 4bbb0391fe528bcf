package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * action/vpnlint-action.sh, the logic of the GitHub Action (action.yml), run with the variables the Actions runner
 * sets. The install directory is filled the way a cache hit leaves it, with a vpnlint.jar whose class path is the
 * classes under test; the build on a cache miss is the launcher's Maven build, which PreCommitHookTest runs.
 */
class GithubActionTest {
    @TempDir
    Path work;

    private Path workspace;
    private Path outputFile;
    private Path install;
    private Map<String, String> environment;

    @BeforeEach
    void runner() throws IOException {
        RequiredTools.assumeOnPath("bash", "sha256sum");
        workspace = Files.createDirectories(work.resolve("workspace"));
        outputFile = work.resolve("github-output");
        Files.createFile(outputFile);
        Files.createDirectories(workspace.resolve("routers"));
        Files.copy(
                RepositoryRoot.path().resolve("samples/seed/snat-without-exclude.boot"),
                workspace.resolve("routers/site-a.boot"));
        environment = new LinkedHashMap<>();
        environment.put("GITHUB_ACTIONS", "true");
        environment.put("GITHUB_WORKSPACE", workspace.toString());
        environment.put("GITHUB_OUTPUT", outputFile.toString());
        environment.put("GITHUB_ACTION_PATH", RepositoryRoot.path().toString());
        environment.put(
                "RUNNER_TEMP",
                Files.createDirectories(work.resolve("runner-temp")).toString());
        environment.put("RUNNER_OS", "Linux");
        environment.put(
                "PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator + System.getenv("PATH"));
    }

    @Test
    void prepareNamesACacheKeyFromTheSourcesAndKeepsTheRunnersJava() throws Exception {
        assertEquals(0, action("prepare").exitCode());
        Map<String, String> outputs = outputs();

        assertTrue(outputs.get("cache-key").matches("vpnlint-Linux-source-[0-9a-f]{16}"), outputs.toString());
        assertEquals(
                work.resolve("runner-temp/vpnlint-build/" + outputs.get("cache-key"))
                        .toString(),
                outputs.get("install-dir"));
        assertEquals("false", outputs.get("setup-java"));
    }

    @Test
    void prepareAsksForJavaWhenThereIsNone() throws Exception {
        environment.put("PATH", "/usr/bin:/bin"); // Debian's java is /usr/bin/java: hide it behind an old JAVA_HOME
        Path oldJava = work.resolve("old-jdk/bin/java");
        Files.createDirectories(oldJava.getParent());
        Files.writeString(oldJava, "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        oldJava.toFile().setExecutable(true);
        environment.put("JAVA_HOME", work.resolve("old-jdk").toString());

        assertEquals(0, action("prepare").exitCode());

        assertEquals("true", outputs().get("setup-java"));
    }

    @Test
    void runWritesSarifWithPathsFromTheRepositoryRootAndFailsOnErrors() throws Exception {
        environment.put("INPUT_PATHS", "routers");
        useCachedBuild();

        Result run = action("run");

        assertEquals(1, run.exitCode(), run.output());
        assertEquals("vpnlint.sarif", outputs().get("report"));
        assertEquals("1", outputs().get("exit-code"));
        JsonNode result = new ObjectMapper()
                .readTree(workspace.resolve("vpnlint.sarif").toFile())
                .path("runs")
                .get(0)
                .path("results")
                .get(0);
        JsonNode location =
                result.path("locations").get(0).path("physicalLocation").path("artifactLocation");
        assertEquals("snat-captures-tunnel-traffic", result.path("ruleId").asText());
        assertEquals("routers/site-a.boot", location.path("uri").asText());
        assertEquals("%SRCROOT%", location.path("uriBaseId").asText());
    }

    @Test
    void gitlabFormatWritesTheCodeQualityFileAndFailOnNeverPasses() throws Exception {
        environment.put("INPUT_FORMAT", "gitlab");
        environment.put("INPUT_FAIL_ON", "never");
        useCachedBuild();

        Result run = action("run");

        assertEquals(0, run.exitCode(), run.output());
        assertEquals("gl-code-quality-report.json", outputs().get("report"));
        JsonNode issues = new ObjectMapper()
                .readTree(workspace.resolve("gl-code-quality-report.json").toFile());
        assertEquals(
                "routers/site-a.boot",
                issues.get(0).path("location").path("path").asText());
    }

    @Test
    void anUnknownFormatIsAUsageError() throws Exception {
        environment.put("INPUT_FORMAT", "xml");
        useCachedBuild();

        Result run = action("run");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(
                run.output().contains("format must be sarif, gitlab, json, text or github, not 'xml'"), run.output());
    }

    @Test
    void aVersionThatCannotBeFetchedIsReportedPlainly() throws Exception {
        environment.put("INPUT_VERSION", "v9.9.9");
        environment.put("VPNLINT_REPOSITORY", work.resolve("no-such-repository").toString());
        environment.put("VPNLINT_INSTALL_DIR", work.resolve("empty-cache").toString());

        Result run = action("run");

        assertEquals(2, run.exitCode(), run.output());
        assertTrue(run.output().contains("cannot fetch vpnlint v9.9.9"), run.output());
    }

    /** An install directory as the cache restores it: vpnlint.jar whose manifest class path is the code under test. */
    private void useCachedBuild() throws IOException {
        install = Files.createDirectories(work.resolve("install"));
        Path lib = Files.createDirectories(install.resolve("lib"));
        List<String> classPath = new ArrayList<>();
        int index = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path target = Path.of(entry).toAbsolutePath();
            if (!Files.exists(target)) continue;
            String name = (index++) + "-" + target.getFileName();
            Files.createSymbolicLink(lib.resolve(name), target);
            classPath.add("lib/" + name + (Files.isDirectory(target) ? "/" : ""));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.vpnlint.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        try (OutputStream out = Files.newOutputStream(install.resolve("vpnlint.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        environment.put("VPNLINT_INSTALL_DIR", install.toString());
    }

    private Map<String, String> outputs() throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(outputFile)) {
            int equals = line.indexOf('=');
            if (equals > 0) outputs.put(line.substring(0, equals), line.substring(equals + 1));
        }
        return outputs;
    }

    private record Result(int exitCode, String output) {}

    private Result action(String step) throws Exception {
        Path script = RepositoryRoot.path().resolve("action/vpnlint-action.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), step)
                .directory(work.toFile())
                .redirectErrorStream(true);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("GITHUB_")
                        || name.startsWith("INPUT_")
                        || name.startsWith("RUNNER_")
                        || name.equals("JAVA_HOME"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "timed out: " + step);
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
