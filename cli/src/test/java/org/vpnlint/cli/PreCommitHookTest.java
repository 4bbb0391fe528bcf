package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * This checkout's .pre-commit-hooks.yaml used the way a user uses it: as a remote hook repository, run by the real
 * pre-commit (Debian's, installed by .ci/run), with no vpnlint on PATH. The hook repository is a git repository made
 * from this checkout's files (committed or not, so that the test checks the working tree); pre-commit clones it into
 * its own cache and the launcher there builds the jar with Maven, offline from the local repository that this build
 * already filled. The routers repository is a scratch git repository. The methods run in order because the commit
 * tests share one pre-commit cache: the first commit builds, the later ones must reuse that build.
 */
@Tag("precommit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PreCommitHookTest {
    private static final String BUILDING = "vpnlint: building";

    @TempDir
    static Path work;

    private Path hookRepository;
    private String hookRevision;
    private Path routers;
    private Map<String, String> environment;

    @BeforeAll
    void createTheHookRepositoryAndARoutersRepository() throws Exception {
        RequiredTools.assumeOnPath("pre-commit", "git", "mvn", "java");
        environment = new LinkedHashMap<>();
        environment.put("HOME", Files.createDirectories(work.resolve("home")).toString());
        environment.put("PRE_COMMIT_HOME", work.resolve("pre-commit-cache").toString());
        environment.put("XDG_CACHE_HOME", work.resolve("cache").toString());
        environment.put("PATH", pathWithoutVpnlint());
        // The launcher's Maven uses the local repository this build already filled (HOME is a scratch directory).
        environment.put(
                "MAVEN_OPTS",
                "-Dmaven.repo.local="
                        + System.getProperty(
                                "vpnlint.mavenRepository",
                                Path.of(System.getProperty("user.home"), ".m2", "repository")
                                        .toString()));
        environment.put("GIT_AUTHOR_NAME", "test");
        environment.put("GIT_AUTHOR_EMAIL", "test@example.invalid");
        environment.put("GIT_COMMITTER_NAME", "test");
        environment.put("GIT_COMMITTER_EMAIL", "test@example.invalid");

        hookRepository = Files.createDirectories(work.resolve("vpnlint"));
        copyCheckout(hookRepository);
        git(hookRepository, "init", "-q", ".");
        git(hookRepository, "add", "-A");
        git(hookRepository, "commit", "-q", "--no-verify", "-m", "vpnlint under test");
        hookRevision = run(hookRepository, "git", "rev-parse", "HEAD").output().strip();

        routers = Files.createDirectories(work.resolve("routers"));
        git(routers, "init", "-q", ".");
        Files.writeString(
                routers.resolve(".pre-commit-config.yaml"),
                "repos:\n"
                        + "  - repo: " + hookRepository + "\n"
                        + "    rev: " + hookRevision + "\n"
                        + "    hooks:\n"
                        + "      - id: vpnlint\n");
        git(routers, "add", ".pre-commit-config.yaml");
        git(routers, "commit", "-q", "--no-verify", "-m", "hook");
        assertEquals(0, run(routers, "pre-commit", "install").exitCode());
    }

    @Test
    @Order(1)
    void tryRepoRunsTheHookFromACloneOfTheRepository() throws Exception {
        copySample("samples/seed/snat-without-exclude.boot", "try/config.boot");
        git(routers, "add", "try/config.boot");

        // try-repo clones into a fresh cache of its own each time, so this run builds vpnlint there too.
        Result run = run(
                routers, "pre-commit", "try-repo", hookRepository.toString(), "vpnlint", "--files", "try/config.boot");

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("try/config.boot:"), run.output());
        assertTrue(run.output().contains("error snat-captures-tunnel-traffic"), run.output());
        git(routers, "rm", "-q", "--cached", "try/config.boot");
    }

    @Test
    @Order(2)
    void aCommitWithATunnelCapturedBySourceNatIsBlocked() throws Exception {
        copySample("samples/seed/snat-without-exclude.boot", "site-a/config.boot");
        git(routers, "add", "site-a/config.boot");

        Result commit = run(routers, "git", "commit", "-m", "site a");

        assertNotEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("site-a/config.boot:"), commit.output());
        assertTrue(commit.output().contains("error snat-captures-tunnel-traffic"), commit.output());
        assertFalse(commit.output().contains("Passed"), commit.output());
    }

    @Test
    @Order(3)
    void aCommitWithTheExcludeRuleGoesThroughWithoutBuildingAgain() throws Exception {
        copySample("samples/seed/snat-with-exclude.boot", "site-a/config.boot");
        git(routers, "add", "site-a/config.boot");

        // --verbose shows the hook's output even when it passes: the launcher says when it builds.
        Result run = run(routers, "pre-commit", "run", "--verbose", "--files", "site-a/config.boot");
        Result commit = run(routers, "git", "commit", "-m", "site a");

        assertEquals(0, run.exitCode(), run.output());
        assertFalse(run.output().contains(BUILDING), "the second run rebuilt vpnlint:\n" + run.output());
        assertEquals(0, commit.exitCode(), commit.output());
        assertTrue(commit.output().contains("vpnlint") && commit.output().contains("Passed"), commit.output());
        try (Stream<Path> archives = Files.list(work.resolve("cache/vpnlint"))) {
            assertTrue(
                    archives.anyMatch(file -> file.getFileName().toString().endsWith(".jsa")),
                    "no class-data archive in the cache");
        }
    }

    @Test
    @Order(4)
    void onlyStagedFilesAreReportedButTheConfiguredRoutersAreLoaded() throws Exception {
        copySample("samples/seed/snat-without-exclude.boot", "site-b/config.boot");
        git(routers, "add", "site-b/config.boot");
        git(routers, "commit", "-q", "--no-verify", "-m", "old problem, committed before the hook");
        Files.writeString(routers.resolve(".vpnlint.yaml"), "routers:\n  - .\n");
        copySample("samples/seed/snat-with-exclude.boot", "site-c/config.boot");
        git(routers, "add", ".vpnlint.yaml", "site-c/config.boot");

        Result commit = run(routers, "git", "commit", "-m", "site c");

        assertEquals(0, commit.exitCode(), commit.output());
        assertFalse(commit.output().contains("site-b"), commit.output());
    }

    /** The checkout's files as git sees them (tracked, or new and not ignored), without build output. */
    private static void copyCheckout(Path target) throws Exception {
        Path root = RepositoryRoot.path().toRealPath();
        ProcessBuilder listing = new ProcessBuilder(
                        "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile());
        listing.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
        Process process = listing.start();
        String names = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "git ls-files failed in " + root);
        for (String name : names.split("\0")) {
            Path source = root.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source)) continue; // deleted in the working tree
            Path copy = target.resolve(name);
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy);
            if (Files.isExecutable(source)) copy.toFile().setExecutable(true);
        }
    }

    /** PATH without any directory that has a vpnlint in it: the hook must bring its own. */
    private static String pathWithoutVpnlint() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty() && !Files.exists(Path.of(dir, "vpnlint")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void copySample(String sample, String to) throws IOException {
        Path target = routers.resolve(to);
        Files.createDirectories(target.getParent());
        Files.copy(RepositoryRoot.path().resolve(sample), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private void git(Path directory, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Result result = run(directory, command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.output());
    }

    private record Result(int exitCode, String output) {}

    private Result run(Path directory, String... command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // A test run from inside another git hook must not touch that repository.
        builder.environment().keySet().removeIf(name -> name.startsWith("GIT_") || name.startsWith("PRE_COMMIT"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        // A first run builds vpnlint with Maven (about a minute on two cores).
        assertTrue(process.waitFor(600, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
