package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code vpnlint-diff} hook of this checkout's .pre-commit-hooks.yaml, run by the real pre-commit in a throw-away
 * git repository (as a {@code repo: local} hook with the shipped fields, its entry pointing at the classes under
 * test): a staged change that sends tunnel traffic out in cleartext is blocked, a renumbering goes through. Skipped
 * when pre-commit is not installed.
 */
@Tag("precommit")
class PreCommitDiffHookTest {
    private static final String HOOK = "vpnlint-diff";

    @TempDir
    Path work;

    @Test
    void aStagedChangeThatLeaksTunnelTrafficIsBlockedAndARenumberingIsNot() throws Exception {
        assumeTrue(onPath("pre-commit") && onPath("git"), "pre-commit and git are needed for this test");
        Path repository = Files.createDirectories(work.resolve("routers"));
        git(repository, "init", "-q", ".");
        Files.writeString(repository.resolve(".pre-commit-config.yaml"), localHookConfig(launcher()));
        Path config = Files.createDirectories(repository.resolve("site-a")).resolve("config.boot");
        Files.copy(RepositoryRoot.path().resolve("samples/diff/exclude-removed/before.boot"), config);
        git(repository, "add", ".");
        git(repository, "commit", "-q", "--no-verify", "-m", "before");
        assertEquals(0, run(repository, "pre-commit", "install").exitCode());

        Files.copy(
                RepositoryRoot.path().resolve("samples/diff/rules-renumbered/after.boot"),
                config,
                StandardCopyOption.REPLACE_EXISTING);
        git(repository, "add", "site-a/config.boot");
        Result renumbered = run(repository, "git", "commit", "-m", "renumber");
        assertEquals(0, renumbered.exitCode(), renumbered.output());
        assertTrue(renumbered.output().contains("Passed"), renumbered.output());

        Files.copy(
                RepositoryRoot.path().resolve("samples/diff/exclude-removed/after.boot"),
                config,
                StandardCopyOption.REPLACE_EXISTING);
        git(repository, "add", "site-a/config.boot");
        Result leak = run(repository, "git", "commit", "-m", "drop the exclude");
        assertNotEquals(0, leak.exitCode(), leak.output());
        assertTrue(leak.output().contains("error traffic-now-cleartext"), leak.output());
        assertTrue(leak.output().contains("removed: nat source rule 100"), leak.output());
    }

    /** The shipped vpnlint-diff hook as a local hook whose entry starts with {@code launcher}. */
    private static String localHookConfig(Path launcher) throws Exception {
        List<Map<String, Object>> hooks =
                new Yaml().load(Files.readString(RepositoryRoot.path().resolve(".pre-commit-hooks.yaml")));
        Map<String, Object> hook = new LinkedHashMap<>(
                hooks.stream().filter(h -> HOOK.equals(h.get("id"))).findFirst().orElseThrow());
        String entry = (String) hook.get("entry");
        assertTrue(entry.startsWith("vpnlint diff "), entry);
        hook.put("entry", launcher + entry.substring("vpnlint".length()));
        hook.remove("description");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(Map.of("repos", List.of(Map.of("repo", "local", "hooks", List.of(hook)))));
    }

    /** A script that runs vpnlint from the classes under test. */
    private Path launcher() throws Exception {
        Path script = Files.createDirectories(work.resolve("bin")).resolve("vpnlint");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(
                script,
                "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                        + "' org.vpnlint.cli.Main \"$@\"\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private Result run(Path directory, String... command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // a test run from inside another git hook must not touch that repository
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("PRE_COMMIT"));
        builder.environment()
                .put("PRE_COMMIT_HOME", work.resolve("pre-commit-cache").toString());
        builder.environment().put("HOME", work.toString());
        for (String role : List.of("AUTHOR", "COMMITTER")) {
            builder.environment().put("GIT_" + role + "_NAME", "test");
            builder.environment().put("GIT_" + role + "_EMAIL", "test@example.invalid");
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** A git command that must succeed. */
    private void git(Path directory, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 1];
        command[0] = "git";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Result result = run(directory, command);
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.output());
    }

    private record Result(int exitCode, String output) {}

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }
}
