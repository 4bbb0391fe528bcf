package org.vpnlint.checks.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
import org.vpnlint.solver.Z3Solver;

/**
 * The firewall and NAT rules against every sample of the repository (a folder below a {@code pairs} folder is one
 * network, every other file stands alone): their errors and warnings must be exactly the samples' {@code EXPECT}
 * markers for these rules, so the rules neither miss their own samples nor fire on anyone else's. The
 * project-wide sample test checks all rules together once they are registered.
 */
class FilterRuleSamplesTest {

    private static final Path SAMPLES = Path.of("..", "samples");
    private static final List<Rule> RULES = List.of(new IkeBlockedByFirewallRule(), new DnatStealsIkeRule(),
            new FirewallMatchesPreDnatAddressRule(), new FirewallRuleUnreachableRule(), new NatRuleUnreachableRule());
    private static final Set<String> IDS = RULES.stream().map(Rule::id).collect(Collectors.toSet());

    @TestFactory
    Stream<DynamicTest> everySampleGetsExactlyItsFirewallAndNatFindings() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "samples/ not present");
        Map<Path, List<Path>> units = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(FilterRuleSamplesTest::isConfig).sorted().toList()) {
                Path parent = file.getParent();
                boolean pair = parent.getParent() != null && parent.getParent().getFileName().toString().equals("pairs");
                units.computeIfAbsent(pair ? parent : file, key -> new ArrayList<>()).add(file);
            }
        }
        return units.entrySet().stream().map(unit -> DynamicTest.dynamicTest(SAMPLES.relativize(unit.getKey()).toString(),
                () -> assertMatches(unit.getValue())));
    }

    private static void assertMatches(List<Path> files) throws IOException {
        List<Router> routers = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (Path file : files) {
            routers.add(RouterMapper.map(ConfigReader.read(file), null).router());
            expected.addAll(expectations(file));
        }
        Set<String> actual = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        try (Z3Solver solver = new Z3Solver()) {
            RuleContext context = new RuleContext(() -> solver);
            for (Rule rule : RULES) {
                for (Finding finding : rule.check(Network.of(routers), context)) {
                    if (finding.level() == Level.NOTE) continue;
                    actual.add(name(finding.location().file()) + ":" + finding.location().line() + " " + finding.ruleId());
                    messages.add(finding.ruleId() + ": " + finding.message());
                }
            }
        }
        assertEquals(expected, actual, () -> String.join("\n", messages));
    }

    /** {@code file:line rule} for each EXPECT marker of these rules; the line is the node's below the marker block. */
    private static Set<String> expectations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < lines.size(); i++) {
            int marker = lines.get(i).indexOf("EXPECT:");
            if (marker < 0) continue;
            String id = lines.get(i).substring(marker + "EXPECT:".length()).replace("*/", "").strip().split("\\s+")[0];
            if (!IDS.contains(id)) continue;
            int node = i + 1;
            while (node < lines.size() && lines.get(node).contains("EXPECT:")) node++;
            expected.add(name(file.toString()) + ":" + (node + 1) + " " + id);
        }
        return expected;
    }

    private static boolean isConfig(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".boot") || name.endsWith(".set") || name.endsWith(".conf") || name.endsWith(".vyos");
    }

    private static String name(String file) {
        return Path.of(file).getFileName().toString();
    }
}
