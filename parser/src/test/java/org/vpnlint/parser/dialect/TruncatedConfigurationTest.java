package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vpnlint.parser.dialect.Mapping.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpnlint.model.Dialect;
import org.vpnlint.parser.ConfigReader;

/**
 * Half-written configurations (every path cut short: a leaf without its value, a rule without its body) and the
 * project's samples map without an internal error, read with the old and the new syntax: the mappers handle
 * missing pieces.
 */
class TruncatedConfigurationTest {

    static Stream<Path> samples() throws IOException {
        Path samples = Path.of("..", "samples");
        Assumptions.assumeTrue(Files.isDirectory(samples), "the samples directory is next to the parser module");
        try (Stream<Path> files = Files.walk(samples)) {
            List<Path> configs = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(boot|conf|set|vyos)$"))
                    .sorted()
                    .toList();
            return configs.stream();
        }
    }

    /** Every sample, as set commands, with every command also present cut short by one to all of its words. */
    @ParameterizedTest
    @MethodSource("samples")
    void everyPrefixOfEveryPathMapsWithoutAnInternalError(Path sample) throws IOException {
        String setCommands = ConfigReader.read(sample).root().toSetCommands();
        List<String> lines = new ArrayList<>();
        for (String line : setCommands.split("\n")) {
            String[] words = line.split(" ");
            for (int length = 2; length <= words.length; length++) {
                lines.add(String.join(" ", List.of(words).subList(0, length)));
            }
        }
        String truncated = String.join("\n", lines) + "\n";
        // the mappers branch only on legacy (1.2/1.3/EdgeOS) versus current (1.4/1.5) syntax
        for (Dialect dialect : List.of(Dialect.VYOS_1_3, Dialect.VYOS_1_4)) {
            MappedRouter mapped = map(sample.getFileName().toString(), truncated, dialect);
            assertEquals(
                    List.of(), Mapping.messages(mapped, DiagnosticCodes.INTERNAL_ERROR), sample + " as " + dialect);
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleMapsWithoutAnInternalError(Path sample) {
        MappedRouter mapped = RouterMapper.map(ConfigReader.read(sample), null);
        assertEquals(List.of(), Mapping.messages(mapped, DiagnosticCodes.INTERNAL_ERROR), sample::toString);
    }
}
