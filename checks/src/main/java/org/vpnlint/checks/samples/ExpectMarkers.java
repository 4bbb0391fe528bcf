package org.vpnlint.checks.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code EXPECT: rule-id[, rule-id]} markers of one configuration: the findings it must produce, as Error
 * Prone's {@code // BUG: Diagnostic contains:} comments do for Java. A marker sits in a comment
 * ({@code /* EXPECT: … *&#47;} or {@code # EXPECT: …}) and applies to the next line that is neither blank nor only
 * comment: that is the line the finding must be reported at. Markers on consecutive comment lines stack.
 *
 * <p>One reader for every test that runs configurations: the samples test, the text report snapshots, and the
 * rule tests' {@code RuleCheck}.
 */
public final class ExpectMarkers {
    private static final Pattern MARKER = Pattern.compile("EXPECT:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)");

    /** One expected (or reported) finding, compared by file, line and rule only. */
    public record Expected(String file, int line, String ruleId) implements Comparable<Expected> {
        @Override
        public int compareTo(Expected other) {
            int byFile = file.compareTo(other.file);
            if (byFile != 0) return byFile;
            return line != other.line ? Integer.compare(line, other.line) : ruleId.compareTo(other.ruleId);
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + ruleId;
        }
    }

    private ExpectMarkers() {}

    /** The findings the markers of {@code text} expect, reported in the file called {@code file}. */
    public static Set<Expected> read(String file, String text) {
        List<String> lines = text.lines().toList();
        Set<Expected> expected = new TreeSet<>();
        List<String> pending = new ArrayList<>();
        boolean inBlockComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean commentOnly = inBlockComment || line.startsWith("/*") || line.startsWith("#") || line.isEmpty();
            if (line.startsWith("/*") && !line.contains("*/")) inBlockComment = true;
            else if (inBlockComment && line.contains("*/")) inBlockComment = false;
            if (commentOnly) {
                Matcher marker = MARKER.matcher(line);
                if (marker.find()) {
                    for (String ruleId : marker.group(1).split(",")) pending.add(ruleId.strip());
                }
                continue;
            }
            for (String ruleId : pending) expected.add(new Expected(file, i + 1, ruleId));
            pending.clear();
        }
        return expected;
    }
}
