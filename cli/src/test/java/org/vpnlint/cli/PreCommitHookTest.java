package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The hook in this checkout's .pre-commit-hooks.yaml, run by the real pre-commit in a throw-away git repository:
 * a commit with a broken router is blocked and the finding printed, a good one goes through. The hook is used as a
 * {@code repo: local} hook with the same fields, its entry's {@code vpnlint} pointing at a launcher for the
 * classes under test. Skipped when pre-commit is not installed (CI installs Debian's package).
 */
@Tag("precommit")
class PreCommitHookTest {
    @TempDir
    Path work;

    private Path repository;
    private Map<String, String> environment;

    @BeforeEach
    void createRepositoryWithTheHook() throws Exception {
        assumeTrue(onPath("pre-commit") && onPath("git"), "pre-commit and git are needed for this test");
        repository = Files.createDirectories(work.resolve("routers-repo"));
        environment = new LinkedHashMap<>();
        environment.put("PRE_COMMIT_HOME", work.resolve("pre-commit-cache").toString());
        environment.put("HOME", work.toString());
        environment.put("GIT_AUTHOR_NAME", "test");
        environment.put("GIT_AUTHOR_EMAIL", "test@example.invalid");
        environment.put("GIT_COMMITTER_NAME", "test");
        environment.put("GIT_COMMITTER_EMAIL", "test@example.invalid");
        git("init", "-q", ".");
        Files.writeString(repository.resolve(".pre-commit-config.yaml"), localHookConfig(launcher()));
        git("add", ".pre-commit-config.yaml");
        assertEquals(0, run("pre-commit", "install").exitCode());
        git("commit", "-q", "--no-verify", "-m", "hook");
    }

    @Test
    void aCommitWithATunnelCapturedBySourceNatIsBlocked() throws Exception {
        copySample("samples/seed/snat-without-exclude.boot", "site-a/config.boot");
        git("add", "site-a/config.boot");

        Result commit = run("git", "commit", "-m", "site a");

        assertNotEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("site-a/config.boot:"), commit.output());
        assertTrue(commit.output().contains("error snat-captures-tunnel-traffic"), commit.output());
    }

    @Test
    void aCommitWithTheExcludeRuleGoesThrough() throws Exception {
        copySample("samples/seed/snat-with-exclude.boot", "site-a/config.boot");
        git("add", "site-a/config.boot");

        Result commit = run("git", "commit", "-m", "site a");

        assertEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("vpnlint") && commit.output().contains("Passed"), commit.output());
    }

    @Test
    void onlyStagedFilesAreReportedButTheConfiguredRoutersAreLoaded() throws Exception {
        copySample("samples/seed/snat-without-exclude.boot", "site-b/config.boot");
        git("add", "site-b/config.boot");
        git("commit", "-q", "--no-verify", "-m", "old problem, committed before the hook");
        Files.writeString(repository.resolve(".vpnlint.yaml"), "routers:\n  - .\n");
        copySample("samples/seed/snat-with-exclude.boot", "site-a/config.boot");
        git("add", ".vpnlint.yaml", "site-a/config.boot");

        Result commit = run("git", "commit", "-m", "site a");

        assertEquals(0, commit.exitCode(), commit.output());
        assertFalse(commit.output().contains("site-b"), commit.output());
    }

    /** The shipped hook definition as a local hook whose entry starts with {@code launcher}. */
    private static String localHookConfig(Path launcher) throws IOException {
        String shipped = Files.readString(RepositoryRoot.path().resolve(".pre-commit-hooks.yaml"));
        List<Map<String, Object>> hooks = new Yaml().load(shipped);
        Map<String, Object> hook = new LinkedHashMap<>(hooks.get(0));
        String entry = (String) hook.get("entry");
        assertTrue(entry.startsWith("vpnlint "), entry);
        hook.put("entry", launcher + entry.substring("vpnlint".length()));
        hook.remove("description");
        Map<String, Object> local = new LinkedHashMap<>();
        local.put("repo", "local");
        local.put("hooks", List.of(hook));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(Map.of("repos", List.of(local)));
    }

    /** A script that runs vpnlint from the classes under test. */
    private Path launcher() throws IOException {
        Path script = work.resolve("bin/vpnlint");
        Files.createDirectories(script.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' org.vpnlint.cli.Main \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private void copySample(String sample, String to) throws IOException {
        Path target = repository.resolve(to);
        Files.createDirectories(target.getParent());
        Files.copy(RepositoryRoot.path().resolve(sample), target);
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Result result = run(command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.output());
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        // A test run from inside another git hook must not touch that repository.
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("PRE_COMMIT"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
