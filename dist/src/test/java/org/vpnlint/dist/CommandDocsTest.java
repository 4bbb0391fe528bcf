package org.vpnlint.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/man/ and docs/completion/ are generated from the command model and must not go stale. */
class CommandDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("vpnlint.repositoryRoot", ".."))
            .toAbsolutePath()
            .normalize();
    private static final boolean REGENERATE = Boolean.getBoolean("vpnlint.regenerate");

    @Test
    void theCompletionScriptIsUpToDate() throws IOException {
        String generated = CommandDocs.completion();

        assertTrue(
                generated.contains("check") && generated.contains("--fail-on") && generated.contains("GITLAB"),
                "the completion script misses the check command's options");
        compare(ROOT.resolve("docs/completion/vpnlint.bash"), generated);
    }

    @Test
    void theManPagesAreUpToDate() throws IOException {
        Map<String, String> asciidoc = CommandDocs.manPagesAsciidoc();
        Map<String, String> pages = new TreeMap<>(asciidoc);
        pages.putAll(CommandDocs.manPagesRoff(asciidoc));
        Path directory = ROOT.resolve("docs/man");

        assertEquals(
                Set.of(
                        "vpnlint.1",
                        "vpnlint-check.1",
                        "vpnlint-diff.1",
                        "vpnlint-trace.1",
                        "vpnlint-rules.1",
                        "vpnlint-explain.1"),
                pages.keySet().stream().filter(name -> name.endsWith(".1")).collect(Collectors.toSet()));
        assertTrue(pages.get("vpnlint-check.1").contains("\\-\\-fail\\-on"), pages.get("vpnlint-check.1"));
        if (REGENERATE) {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path file : old.toList()) Files.delete(file);
            }
        }
        for (Map.Entry<String, String> page : pages.entrySet())
            compare(directory.resolve(page.getKey()), page.getValue());
        try (Stream<Path> committed = Files.list(directory)) {
            assertEquals(
                    pages.keySet(),
                    committed
                            .map(file -> file.getFileName().toString())
                            .collect(Collectors.toCollection(java.util.TreeSet::new)),
                    "files in docs/man that are not generated");
        }
    }

    private static void compare(Path committed, String generated) throws IOException {
        if (REGENERATE) {
            Files.createDirectories(committed.getParent());
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(committed), committed + " is missing; generate it with " + CommandDocs.REGENERATE);
        assertEquals(
                generated,
                Files.readString(committed, StandardCharsets.UTF_8),
                ROOT.relativize(committed) + " is stale; regenerate it with " + CommandDocs.REGENERATE);
    }
}
