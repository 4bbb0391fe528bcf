package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.checks.samples.ExpectMarkers;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;

/**
 * {@code scripts/new-rule} runs in a temporary copy of the files it touches, and what it writes compiles: the rule
 * class, RuleRegistry with the rule added, and the rule's test, compiled with javac against the built checks classes
 * and test classes. (A lighter check than a Maven build of the copy, which would take minutes: the generated files
 * are compiled, not formatted, tested or packaged.)
 */
class NewRuleScriptTest {
    private static final String CHECKS = "checks/src/main/java/org/vpnlint/checks";
    private static final String CHECKS_TESTS = "checks/src/test/java/org/vpnlint/checks";

    @TempDir
    Path copy;

    @Test
    void scaffoldsARuleThatCompilesWithItsRegistrationSamplesAndTest() throws Exception {
        Path root = RepositoryRoot.path();
        copyFromRepository(root, "scripts/new-rule");
        copyFromRepository(root, CHECKS + "/RuleRegistry.java");
        Files.createDirectories(copy.resolve(CHECKS + "/ike"));

        Process run = run("esp-without-pfs", "ike");
        assertEquals(0, run.exitValue(), output(run));

        Path rule = copy.resolve(CHECKS + "/ike/EspWithoutPfsRule.java");
        Path registry = copy.resolve(CHECKS + "/RuleRegistry.java");
        Path test = copy.resolve(CHECKS_TESTS + "/ike/EspWithoutPfsRuleTest.java");
        Path bad = copy.resolve("samples/rules/esp-without-pfs/bad-example.set");
        Path good = copy.resolve("samples/rules/esp-without-pfs/good-example.set");
        assertTrue(Files.readString(registry).contains("new EspWithoutPfsRule());"), Files.readString(registry));
        assertEquals(
                Set.of("esp-without-pfs"),
                ExpectMarkers.read("bad", Files.readString(bad)).stream()
                        .map(Expected::ruleId)
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of(), ExpectMarkers.read("good", Files.readString(good)));

        assertCompiles(root, List.of(rule, registry, test));
    }

    @Test
    void refusesARuleThatExistsAndABadIdOrPackage() throws Exception {
        Path root = RepositoryRoot.path();
        copyFromRepository(root, "scripts/new-rule");
        copyFromRepository(root, CHECKS + "/RuleRegistry.java");
        Files.createDirectories(copy.resolve(CHECKS + "/ike"));
        assertEquals(0, run("esp-without-pfs", "ike").exitValue());
        String registry = Files.readString(copy.resolve(CHECKS + "/RuleRegistry.java"));

        Process again = run("esp-without-pfs", "ike");
        assertEquals(2, again.exitValue());
        assertTrue(output(again).contains("exists already"), output(again));
        assertEquals(2, run("EspWithoutPfs", "ike").exitValue());
        assertEquals(2, run("esp-without-pfs", "nowhere").exitValue());
        assertEquals(registry, Files.readString(copy.resolve(CHECKS + "/RuleRegistry.java")), "registry changed");
    }

    private void copyFromRepository(Path root, String path) throws IOException {
        Files.createDirectories(copy.resolve(path).getParent());
        Files.copy(root.resolve(path), copy.resolve(path));
    }

    private Process run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(
                List.of("bash", copy.resolve("scripts/new-rule").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(copy.toFile())
                .redirectErrorStream(true)
                .start();
        process.waitFor();
        return process;
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** javac on the files, with the test classpath plus the checks module's test classes (RuleCheck). */
    private void assertCompiles(Path root, List<Path> sources) throws IOException {
        Path checksTestClasses = root.resolve("checks/target/test-classes");
        assertTrue(Files.isDirectory(checksTestClasses), "build the checks tests first: " + checksTestClasses);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of(
                "-d",
                Files.createDirectories(copy.resolve("classes")).toString(),
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + checksTestClasses,
                "-proc:none"));
        sources.forEach(source -> args.add(source.toString()));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertEquals(0, status, diagnostics.toString(StandardCharsets.UTF_8));
    }
}
