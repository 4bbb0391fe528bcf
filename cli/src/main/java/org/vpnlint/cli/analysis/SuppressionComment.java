package org.vpnlint.cli.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text of one comment as a suppression:
 * {@code vpnlint:ignore RULE[,RULE...] reason="why" [expires=YYYY-MM-DD]} (single quotes work too, for a VyOS
 * {@code comment} command whose text is already in double quotes). The comment markers ({@code /* *&#47;}
 * or {@code #}) are already gone; the parser keeps comment texts without them.
 */
final class SuppressionComment {
    static final String MARKER = "vpnlint:ignore";

    private static final Pattern SHAPE = Pattern.compile("^\\s*vpnlint:ignore(?:\\s+(\\S+))?(.*)$", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-z]+)=(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");

    /** What one comment says: either a suppression's parts, or why it is not a valid suppression. */
    record Parsed(List<String> ruleIds, String reason, LocalDate expires, String problem) {}

    private SuppressionComment() {}

    static boolean isSuppression(String commentText) {
        return commentText.strip().startsWith(MARKER);
    }

    static Parsed parse(String commentText) {
        Matcher shape = SHAPE.matcher(commentText.strip());
        if (!shape.matches() || shape.group(1) == null || shape.group(1).contains("=")) {
            return invalid("a suppression names the rule it silences: vpnlint:ignore RULE reason=\"why\"");
        }
        List<String> ruleIds = Arrays.stream(shape.group(1).split(","))
                .filter(id -> !id.isEmpty())
                .toList();
        String reason = null;
        LocalDate expires = null;
        Matcher attribute = ATTRIBUTE.matcher(shape.group(2));
        while (attribute.find()) {
            String value = attribute.group(2) != null
                    ? attribute.group(2)
                    : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
            switch (attribute.group(1)) {
                case "reason" -> reason = value.strip();
                case "expires" -> {
                    try {
                        expires = LocalDate.parse(value);
                    } catch (DateTimeParseException e) {
                        return invalid("expires=" + value + " is not a date in the form YYYY-MM-DD");
                    }
                }
                default -> {
                    return invalid(
                            "unknown attribute '" + attribute.group(1) + "' (use reason=\"…\" and expires=YYYY-MM-DD)");
                }
            }
        }
        if (reason == null || reason.isEmpty()) {
            return invalid("a suppression needs a reason: vpnlint:ignore " + shape.group(1)
                    + " reason=\"why this is acceptable\"; it is ignored until it has one");
        }
        return new Parsed(ruleIds, reason, expires, null);
    }

    private static Parsed invalid(String problem) {
        return new Parsed(List.of(), null, null, problem);
    }
}
