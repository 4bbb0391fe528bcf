package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;

/**
 * The IKE rules against the repository's samples: every folder under {@code samples/pairs} and
 * {@code samples/seed/pairs} is analysed as one network, every file under {@code samples/rules/<ike rule>} alone.
 * For the IKE rules only, the findings (rule id and line, errors and warnings) must be exactly the samples'
 * {@code EXPECT} markers. The project-wide sample test checks all rules; this one keeps the IKE rules honest while
 * they are developed.
 */
class IkeRuleSamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final List<Rule> RULES = List.of(new IkeIdMismatchBehindNatRule(), new LocalAddressNotOnRouterRule(),
            new BehindNatDefaultIdRule(), new FqdnIdWithoutAtRule(), new IpsecProposalMismatchRule(),
            new IpsecPskMismatchRule(), new TunnelSelectorsNotMirroredRule(), new NoInitiatorRule(),
            new NatTMissingRule());
    private static final Set<String> IDS = RULES.stream().map(Rule::id).collect(java.util.stream.Collectors.toSet());

    @TestFactory
    Stream<DynamicTest> pairFoldersMatchTheirExpectations() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "samples/ not present");
        List<Path> scenarios = new ArrayList<>();
        for (Path parent : List.of(SAMPLES.resolve("pairs"), SAMPLES.resolve("seed").resolve("pairs"))) {
            if (!Files.isDirectory(parent)) continue;
            try (Stream<Path> folders = Files.list(parent)) {
                folders.filter(Files::isDirectory).sorted().forEach(scenarios::add);
            }
        }
        return scenarios.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
                () -> assertMatches(configFiles(folder))));
    }

    @TestFactory
    Stream<DynamicTest> ruleSamplesMatchTheirExpectations() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES.resolve("rules")), "samples/rules not present");
        List<Path> files = new ArrayList<>();
        for (String id : IDS) {
            Path folder = SAMPLES.resolve("rules").resolve(id);
            if (Files.isDirectory(folder)) files.addAll(configFiles(folder));
        }
        return files.stream().sorted().map(file -> DynamicTest.dynamicTest(
                file.getParent().getFileName() + "/" + file.getFileName(), () -> assertMatches(List.of(file))));
    }

    private static void assertMatches(List<Path> files) throws IOException {
        List<Router> routers = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (Path file : files) {
            routers.add(RouterMapper.map(ConfigReader.read(file), null).router());
            expected.addAll(expectations(file));
        }
        RuleContext context = new RuleContext(() -> {
            throw new IllegalStateException("the samples declare no NAT with an unknown address");
        });
        Set<String> actual = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (Rule rule : RULES) {
            for (Finding finding : rule.check(Network.of(routers), context)) {
                if (finding.level() == Level.NOTE) continue;
                actual.add(name(finding.location().file()) + ":" + finding.location().line() + " " + finding.ruleId());
                messages.add(finding.ruleId() + ": " + finding.message());
            }
        }
        assertEquals(expected, actual, () -> String.join("\n", messages));
    }

    /** {@code file:line rule} for each EXPECT marker; the line is that of the node below the marker block. */
    private static Set<String> expectations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int marker = line.indexOf("EXPECT:");
            if (marker < 0) continue;
            String id = line.substring(marker + "EXPECT:".length()).replace("*/", "").strip().split("\\s+")[0];
            if (!IDS.contains(id)) continue;
            int node = i + 1;
            while (node < lines.size() && lines.get(node).contains("EXPECT:")) node++;
            expected.add(name(file.toString()) + ":" + (node + 1) + " " + id);
        }
        return expected;
    }

    private static List<Path> configFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".boot") || f.toString().endsWith(".set")
                    || f.toString().endsWith(".conf")).sorted().toList();
        }
    }

    private static String name(String file) {
        return Path.of(file).getFileName().toString();
    }
}
