package org.vpnlint.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;

/** Broken, hostile and odd input: always a tree and clear diagnostics, never an exception or a hang. */
class RobustnessTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static List<Diagnostic> errors(ConfigTree tree) {
        return tree.diagnostics().stream().filter(d -> d.level() == Level.ERROR).toList();
    }

    private static Diagnostic onlyError(ConfigTree tree) {
        List<Diagnostic> errors = errors(tree);
        assertEquals(1, errors.size(), tree.diagnostics()::toString);
        return errors.get(0);
    }

    @Test
    void aFileCutOffInTheMiddleKeepsWhatWasReadAndNamesTheOpenBlock() {
        ConfigTree tree = ConfigReader.read("cut.boot", """
                interfaces {
                    ethernet eth0 {
                        address 203.0.113.2/24
                    }
                }
                nat {
                    source {
                        rule 10 {
                            outbound-interface eth0
                            translation {
                                addr""");
        Diagnostic error = onlyError(tree);
        assertEquals(
                "expected '}' to close 'nat source rule 10 translation' opened at 10:13 (the file ends here);"
                        + " 3 enclosing blocks are not closed either",
                error.message());
        assertEquals(11, error.location().line());
        assertEquals(
                "203.0.113.2/24",
                tree.root().at("interfaces", "ethernet", "eth0", "address").value());
        assertEquals(
                "eth0",
                tree.root()
                        .at("nat", "source", "rule", "10", "outbound-interface")
                        .value());
    }

    @Test
    void anExtraClosingBraceIsReportedWhereItIs() {
        ConfigTree tree = ConfigReader.read("extra.boot", "system {\n    host-name east\n}\n}\nnat {\n}\n");
        Diagnostic error = onlyError(tree);
        assertEquals("unexpected '}': no block is open here", error.message());
        assertEquals(4, error.location().line());
        assertEquals(1, error.location().column());
        assertEquals("east", tree.root().at("system", "host-name").value());
        assertNotNull(tree.root().child("nat"));
    }

    @Test
    void aTwentyThousandLevelNestingBombIsCutAtTheDepthLimitWithOneError() {
        StringBuilder bomb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) bomb.append("a {\n");
        for (int i = 0; i < 20_000; i++) bomb.append("}\n");
        bomb.append("system {\n    host-name after-the-bomb\n}\n");
        ConfigTree tree = assertTimeoutPreemptively(PATIENCE, () -> ConfigReader.read("bomb.boot", bomb.toString()));
        Diagnostic error = onlyError(tree);
        assertEquals(ConfigReader.MAX_DEPTH + 1, error.location().line());
        assertTrue(error.message().contains("nested deeper than 256 levels"), error::message);
        assertEquals(ConfigReader.MAX_DEPTH, ConfigPaths.depth(deepest(tree.root())));
        assertEquals("after-the-bomb", tree.root().at("system", "host-name").value());
    }

    @Test
    void anUnclosedNestingBombOnOneLineGivesTwoErrors() {
        ConfigTree tree =
                assertTimeoutPreemptively(PATIENCE, () -> ConfigReader.read("bomb.boot", "a { ".repeat(20_000)));
        List<Diagnostic> errors = errors(tree);
        assertEquals(2, errors.size(), tree.diagnostics()::toString);
        assertTrue(errors.get(1).message().contains("more words"), errors.get(1)::message);
    }

    @Test
    void bracesWithoutNamesAreOneError() {
        ConfigTree tree = assertTimeoutPreemptively(
                PATIENCE,
                () -> ConfigReader.read("braces.boot", "{".repeat(20_000) + "}".repeat(20_000) + "\nsystem {\n}\n"));
        assertEquals(
                "'{' without a node name before it; everything inside this block is skipped",
                onlyError(tree).message());
        assertNotNull(tree.root().child("system"));
    }

    @Test
    void aTwentyThousandWordSetCommandIsRefusedWithOneError() {
        ConfigTree tree = assertTimeoutPreemptively(
                PATIENCE,
                () -> ConfigReader.read("deep.set", "set" + " a".repeat(20_000) + "\nset system host-name east\n"));
        assertEquals(
                "this path is 20000 words long; vpnlint reads paths up to 256 levels deep, so the command was skipped",
                onlyError(tree).message());
        assertEquals("east", tree.root().at("system", "host-name").value());
    }

    /** Telling the formats apart looks at each line only: searching the rest of the file per line was quadratic. */
    @Test
    void twoMillionLinesWithoutAnAtSignAreReadInTime() {
        String text = "x {\n}\n".repeat(1_000_000);
        ConfigTree tree = assertTimeoutPreemptively(PATIENCE, () -> ConfigReader.read("lines.boot", text));
        assertEquals(List.of(), errors(tree));
        assertEquals(ConfigTree.SourceFormat.CURLY, tree.format());
    }

    @Test
    void aFiftyMebibyteFileIsRefusedUnreadWithOneError(@TempDir Path directory) throws IOException {
        Path big = directory.resolve("big.boot");
        try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            String block =
                    "firewall {\n    group {\n        address-group G {\n            address 192.0.2.1\n        }\n    }\n}\n";
            for (long written = 0; written < 50L * 1024 * 1024; written += block.length()) out.write(block);
        }
        ConfigTree tree = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> ConfigReader.read(big));
        assertEquals(
                "file is 50.0 MiB; vpnlint reads configurations up to 16 MiB",
                onlyError(tree).message());
        assertEquals(big.toString(), onlyError(tree).location().file());
        assertTrue(tree.root().isLeafWord());
    }

    @Test
    void textOverTheLimitIsRefusedToo() {
        byte[] content = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(content, (byte) ' ');
        assertEquals(
                "file is 17.0 MiB; vpnlint reads configurations up to 16 MiB",
                onlyError(ConfigReader.read("big.boot", content)).message());
    }

    @Test
    void aLargeConfigurationBelowTheLimitIsReadInBoundedTime() {
        StringBuilder text = new StringBuilder();
        int rules = 70_000;
        text.append("firewall {\n    name WAN_IN {\n");
        for (int i = 1; i <= rules; i++) {
            text.append("        rule ")
                    .append(i)
                    .append(" {\n            action accept\n")
                    .append("            source {\n                address 10.")
                    .append(i / 65536)
                    .append('.')
                    .append(i / 256 % 256)
                    .append('.')
                    .append(i % 256)
                    .append("\n            }\n        }\n");
        }
        text.append("    }\n}\n");
        assertTrue(text.length() > 8 * 1024 * 1024, "at least 8 MiB: " + text.length());
        ConfigTree tree = assertTimeoutPreemptively(PATIENCE, () -> ConfigReader.read("large.boot", text.toString()));
        assertEquals(List.of(), tree.diagnostics());
        assertEquals(
                rules,
                tree.root().at("firewall", "name", "WAN_IN", "rule").children().size());
    }

    @Test
    void binaryGarbageIsOneDiagnosticNotThousands() {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        ConfigTree tree = ConfigReader.read("firmware.bin", garbage);
        assertEquals(1, tree.diagnostics().size(), tree.diagnostics()::toString);
        assertTrue(onlyError(tree).message().startsWith("not a text configuration file"), onlyError(tree)::message);
        assertTrue(tree.root().isLeafWord());
    }

    @Test
    void nulBytesInOtherwiseTextualInputAreNotText() {
        ConfigTree tree = ConfigReader.read("odd.boot", "system {\n    host-name east\u0000\n}\n");
        assertEquals(
                "not a text configuration file: it contains NUL bytes (the first on line 2)",
                onlyError(tree).message());
    }

    @Test
    void invalidUtf8IsNotTextAndTheLineIsNamed() {
        byte[] latin1 = "system {\n    host-name caf\u00E9\n}\n".getBytes(StandardCharsets.ISO_8859_1);
        ConfigTree tree = ConfigReader.read("latin1.boot", latin1);
        Diagnostic error = onlyError(tree);
        assertEquals(2, error.location().line());
        assertEquals(
                "not a text configuration file: byte 26 (on line 2) is not valid UTF-8;"
                        + " VyOS configurations are UTF-8 text",
                error.message());
    }

    @Test
    void anEmptyFileIsAnEmptyTreeWithANote() {
        for (String empty : List.of("", "\n\n  \r\n")) {
            ConfigTree tree = ConfigReader.read("empty.boot", empty);
            assertTrue(tree.root().isLeafWord());
            assertEquals(1, tree.diagnostics().size());
            assertEquals(Level.NOTE, tree.diagnostics().get(0).level());
            assertEquals("the file is empty", tree.diagnostics().get(0).message());
        }
    }

    @Test
    void typographicQuotesAreReadAsQuotesAndReportedByCharacterAndColumn() {
        ConfigTree tree = ConfigReader.read(
                "word.boot", "interfaces {\n    ethernet eth1 {\n        description \u201CMy Flat\u201D\n    }\n}\n");
        assertEquals(
                "My Flat",
                tree.root().at("interfaces", "ethernet", "eth1", "description").value());
        List<Diagnostic> warnings = tree.diagnostics().stream()
                .filter(d -> d.level() == Level.WARNING)
                .toList();
        assertEquals(1, warnings.size());
        assertEquals(3, warnings.get(0).location().line());
        assertEquals(21, warnings.get(0).location().column());
        assertEquals(
                "typographic quotes \u201C (U+201C)\u2026\u201D (U+201D) at column 21 were read as quotes around one value;"
                        + " VyOS only understands straight quotes \" and ', replace them before loading this configuration",
                warnings.get(0).message());
    }

    @Test
    void aStrayTypographicQuoteInAWordIsReportedWithItsColumn() {
        ConfigTree tree = ConfigReader.read("word.set", "set system login banner pre-login Welcome\u201D\n");
        Diagnostic warning = tree.diagnostics().get(0);
        assertEquals(Level.WARNING, warning.level());
        assertEquals(42, warning.location().column());
        assertTrue(warning.message().startsWith("typographic quote \u201D (U+201D) at column 42"), warning::message);
    }

    @Test
    void anUnclosedQuoteIsAnErrorAndTheValueRunsToTheEndOfTheLine() {
        ConfigTree tree = ConfigReader.read("quote.boot", "system {\n    host-name \"east\n}\n");
        Diagnostic error = onlyError(tree);
        assertEquals(
                "the quote opened at column 15 is not closed on this line; the value was read up to the end of the line",
                error.message());
        assertEquals("east", tree.root().at("system", "host-name").value());
    }

    @Test
    void anUnclosedCommentIsOneError() {
        ConfigTree tree =
                ConfigReader.read("comment.boot", "system {\n    host-name east\n}\n/* forgot to close\nnat {\n}\n");
        List<Diagnostic> errors = errors(tree);
        assertEquals(
                "the comment opened with '/*' here is never closed with '*/'; the rest of the file was not read",
                errors.get(0).message());
        assertEquals(4, errors.get(0).location().line());
        assertEquals(1, errors.size());
    }

    @Test
    void aPromptWhileABlockIsOpenClosesTheFragmentWithAnError() {
        ConfigTree tree = ConfigReader.read("paste.txt", """
                vyos@vyos# show nat source
                 rule 10 {
                     outbound-interface eth0
                vyos@vyos# show system
                 host-name east
                """);
        Diagnostic error = onlyError(tree);
        assertEquals(
                "expected '}' to close 'nat source rule 10' opened at 2:2 before the next prompt line",
                error.message());
        assertEquals("east", tree.root().at("system", "host-name").value());
        assertEquals(
                "eth0",
                tree.root()
                        .at("nat", "source", "rule", "10", "outbound-interface")
                        .value());
    }

    @Test
    void thousandsOfProblemsAreCappedWithANote() {
        ConfigTree tree = ConfigReader.read("braces.boot", "}\n".repeat(5_000));
        assertEquals(ReadProblems.LIMIT + 1, tree.diagnostics().size());
        assertEquals(
                "4800 more problems in this file are not shown; fix the ones above first",
                tree.diagnostics().get(ReadProblems.LIMIT).message());
    }

    @Test
    void aMissingFileOrADirectoryIsADiagnostic(@TempDir Path directory) {
        assertEquals(
                "file not found",
                onlyError(ConfigReader.read(directory.resolve("missing.boot"))).message());
        assertEquals(
                "this is a directory, not a configuration file",
                onlyError(ConfigReader.read(directory)).message());
    }

    @Test
    void aFileOnDiskIsReadWithItsPathInLocations(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("config.boot");
        Files.writeString(file, "system {\n    host-name east\n}\n");
        ConfigTree tree = ConfigReader.read(file);
        assertEquals(file.toString(), tree.file());
        assertEquals(
                file.toString(),
                tree.root().at("system", "host-name").location().file());
    }

    private static ConfigNode deepest(ConfigNode node) {
        ConfigNode deepest = node;
        while (!deepest.isLeafWord()) deepest = deepest.children().get(0);
        return deepest;
    }
}
