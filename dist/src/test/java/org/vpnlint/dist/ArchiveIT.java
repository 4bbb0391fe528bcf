package org.vpnlint.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archives `mvn package` built, unpacked and used as a user would: bin/vpnlint with Java from JAVA_HOME and a
 * PATH that has the shell tools the launcher uses but no java and no Maven. Runs after packaging (failsafe).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveIT {
    private static final String VERSION = System.getProperty("vpnlint.version");
    private static final Path TARGET = Path.of(System.getProperty("vpnlint.distDirectory", "target"));
    /** What bin/vpnlint may call besides java; every other program is out of reach. */
    private static final List<String> SHELL_TOOLS =
            List.of("sh", "dirname", "ls", "sed", "cksum", "cut", "head", "mkdir", "rm");

    @TempDir
    static Path work;

    private Path home;
    private Path tools;

    @BeforeAll
    void unpack() throws Exception {
        Path tarball = TARGET.resolve("vpnlint-" + VERSION + ".tar.gz");
        assertTrue(Files.isRegularFile(tarball), "no archive " + tarball);
        assertEquals(
                0,
                run(work, Map.of("PATH", System.getenv("PATH")), "tar", "xzf", tarball.toString())
                        .code());
        home = work.resolve("vpnlint-" + VERSION);
        tools = Files.createDirectories(work.resolve("tools"));
        for (String tool : SHELL_TOOLS) {
            Path found = Arrays.stream(System.getenv("PATH").split(":"))
                    .map(dir -> Path.of(dir, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(tool + " not found"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
    }

    @Test
    void theArchiveHasTheLaunchersJarsManPagesAndCompletion() throws IOException {
        for (String file : List.of(
                "bin/vpnlint",
                "bin/vpnlint.bat",
                "lib/vpnlint.jar",
                "lib/vpnlint-cli-" + VERSION + ".jar",
                "share/man/man1/vpnlint-check.1",
                "share/bash-completion/completions/vpnlint",
                "samples/seed/snat-without-exclude.boot",
                "README.md",
                "rules.md")) {
            assertTrue(Files.isRegularFile(home.resolve(file)), "missing " + file);
        }
        assertTrue(Files.isExecutable(home.resolve("bin/vpnlint")));
        assertTrue(Files.readString(home.resolve("bin/vpnlint.bat")).contains("\r\n"), "vpnlint.bat needs CRLF");
        assertFalse(Files.readString(home.resolve("bin/vpnlint")).contains("\r"), "bin/vpnlint must have LF only");
    }

    @Test
    void theZipHoldsTheSameFilesAsTheTarball() throws Exception {
        TreeSet<String> inTar = run(
                        work,
                        Map.of("PATH", System.getenv("PATH")),
                        "tar",
                        "tzf",
                        TARGET.resolve("vpnlint-" + VERSION + ".tar.gz").toString())
                .output()
                .lines()
                .filter(name -> !name.endsWith("/"))
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> inZip;
        try (ZipFile zip =
                new ZipFile(TARGET.resolve("vpnlint-" + VERSION + ".zip").toFile())) {
            inZip = Collections.list(zip.entries()).stream()
                    .filter(entry -> !entry.isDirectory())
                    .map(entry -> entry.getName())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inTar, inZip);
    }

    @Test
    void itRunsWithJavaHomeAndNoMavenAndKeepsItsClassDataArchive() throws Exception {
        Map<String, String> environment = userEnvironment();
        assertFalse(Files.exists(tools.resolve("mvn")) || Files.exists(tools.resolve("java")));

        Result version = run(home, environment, "bin/vpnlint", "--version");
        Path cache = work.resolve("cache/vpnlint");
        List<Path> archives = jsaFiles(cache);
        FileTime trained = Files.getLastModifiedTime(archives.get(0));
        Result check = run(home, environment, "bin/vpnlint", "check", "samples/seed/snat-without-exclude.boot");

        assertEquals(0, version.code(), version.output());
        assertTrue(version.output().startsWith("vpnlint " + VERSION + "\nZ3 4."), version.output());
        assertTrue(version.output().contains("\nJava " + System.getProperty("java.runtime.version")), version.output());
        assertEquals(1, archives.size(), "one class-data archive after the first start: " + archives);
        assertEquals(1, check.code(), check.output());
        assertTrue(
                check.output()
                        .contains("samples/seed/snat-without-exclude.boot:26:14: error"
                                + " snat-captures-tunnel-traffic"),
                check.output());
        assertEquals(archives, jsaFiles(cache), "the second start must reuse the archive");
        assertEquals(trained, Files.getLastModifiedTime(archives.get(0)));
    }

    @Test
    void aLinkToTheLauncherFindsItsInstall() throws Exception {
        Path links = Files.createDirectories(work.resolve("usr-local-bin"));
        Path link = links.resolve("vpnlint");
        if (!Files.exists(link)) Files.createSymbolicLink(link, home.resolve("bin/vpnlint"));

        Result version = run(work, userEnvironment(), link.toString(), "--version");

        assertEquals(0, version.code(), version.output());
        assertTrue(version.output().startsWith("vpnlint " + VERSION), version.output());
    }

    @Test
    void withoutJavaTheLauncherSaysWhatIsNeeded() throws Exception {
        Result run = run(home, Map.of("PATH", tools.toString(), "HOME", work.toString()), "bin/vpnlint", "--version");

        assertEquals(2, run.code(), run.output());
        assertTrue(run.output().contains("Java 17 or later is needed"), run.output());
    }

    @Test
    void theCompletionScriptRegistersWithBash() throws Exception {
        Result bash = run(
                home,
                Map.of("PATH", System.getenv("PATH")),
                "bash",
                "-c",
                "source share/bash-completion/completions/vpnlint && complete -p vpnlint");

        assertEquals(0, bash.code(), bash.output());
        assertTrue(bash.output().contains("vpnlint"), bash.output());
    }

    private Map<String, String> userEnvironment() {
        return Map.of(
                "PATH",
                tools.toString(),
                "JAVA_HOME",
                System.getProperty("java.home"),
                "HOME",
                work.toString(),
                "XDG_CACHE_HOME",
                work.resolve("cache").toString());
    }

    private static List<Path> jsaFiles(Path cache) throws IOException {
        try (var files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jsa"))
                    .sorted()
                    .toList();
        }
    }

    private record Result(int code, String output) {}

    private static Result run(Path directory, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
