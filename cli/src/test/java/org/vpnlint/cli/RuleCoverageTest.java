package org.vpnlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.RuleRegistry;
import org.vpnlint.checks.samples.ExpectMarkers;
import org.vpnlint.checks.samples.ExpectMarkers.Expected;
import org.vpnlint.checks.samples.SampleFile;
import org.vpnlint.model.Level;

/**
 * Every registered rule comes with what a reader and a reviewer need: a positive and a negative sample (its
 * documented examples, which the samples test runs), its section in rules.md, and a test in the checks module
 * that runs it. Adding a rule without one of them fails here with the list of what is missing.
 */
class RuleCoverageTest {

    @Test
    void everyRuleHasSamplesDocsAndATest() throws IOException {
        assertEquals(Map.of(), gaps(RuleRegistry.all()), "rules without samples, docs or a test (see CONTRIBUTING.md)");
    }

    @Test
    void aRuleWithoutItsOwnSamplesDocsOrTestIsListed() throws IOException {
        // examples borrowed from another rule, no rules.md section, no test that constructs it
        Rule rule = TestRules.rule(TestRules.metadata("unfinished-rule", Level.WARNING, null), network -> List.of());

        assertEquals(
                Map.of(
                        "unfinished-rule",
                        List.of(
                                "its bad example has no EXPECT: unfinished-rule marker",
                                "no section in rules.md (./vpnlint rules --markdown > rules.md)",
                                "no test under checks/src/test/java runs new "
                                        + rule.getClass().getSimpleName() + "()")),
                gaps(List.of(rule)));
    }

    /** What each rule lacks, by rule id; rules that lack nothing are left out. */
    private static Map<String, List<String>> gaps(List<Rule> rules) throws IOException {
        Path root = RepositoryRoot.path();
        String rulesMarkdown = Files.readString(root.resolve("rules.md"));
        List<Path> testSources = javaFiles(root.resolve("checks/src/test/java"));

        Map<String, List<String>> missing = new TreeMap<>();
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            List<String> gaps = new ArrayList<>();
            if (metadata.badExample().isEmpty()) gaps.add("no bad example (a positive sample)");
            else if (!expects(root, metadata.badExample(), metadata.id()))
                gaps.add("its bad example has no EXPECT: " + metadata.id() + " marker");
            if (metadata.fixedExample().isEmpty()) gaps.add("no fixed example (a negative sample)");
            else if (expects(root, metadata.fixedExample(), metadata.id()))
                gaps.add("its fixed example expects the rule");
            if (!rulesMarkdown.contains("\n## " + metadata.id() + "\n"))
                gaps.add("no section in rules.md (" + "./vpnlint rules --markdown > rules.md" + ")");
            if (!namedByATest(testSources, rule.getClass().getSimpleName()))
                gaps.add("no test under checks/src/test/java runs new "
                        + rule.getClass().getSimpleName() + "()");
            if (!gaps.isEmpty()) missing.put(metadata.id(), gaps);
        }
        return missing;
    }

    /**
     * The example files are the repository's samples (the jar carries copies): so the samples test runs them, and
     * their markers are read from the files themselves.
     */
    private static boolean expects(Path root, List<SampleFile> example, String ruleId) throws IOException {
        Set<String> expectedRules = new TreeSet<>();
        for (SampleFile sample : example) {
            Path file = root.resolve("samples").resolve(sample.path());
            assertEquals(Files.readString(file), sample.text(), "the checks jar's copy of " + file + " is stale");
            for (Expected expected : ExpectMarkers.read(sample.path(), sample.text()))
                expectedRules.add(expected.ruleId());
        }
        return expectedRules.contains(ruleId);
    }

    private static boolean namedByATest(List<Path> testSources, String ruleClass) throws IOException {
        if (ruleClass.isEmpty()) return false; // an anonymous rule cannot be constructed by name
        Pattern construction = Pattern.compile("new\\s+" + ruleClass + "\\s*\\(");
        for (Path source : testSources) {
            if (source.getFileName().toString().equals("RuleCheckTest.java")) continue; // tests the helper
            if (construction.matcher(Files.readString(source)).find()) return true;
        }
        return false;
    }

    private static List<Path> javaFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
    }
}
