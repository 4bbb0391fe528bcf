package org.vpnlint.cli.report;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.samples.SampleFile;

/**
 * The documentation of the rules, generated from their metadata only: {@code rules.md} at the repository root,
 * {@code vpnlint explain RULE}, and SARIF's {@code help}. Keeping one generator means the three never disagree.
 */
public final class RuleDocumentation {
    /** The project's home page (SARIF's tool {@code informationUri}). */
    public static final String PROJECT_HOME = "https://github.com/vpnlint/vpnlint";

    /** Where rules.md is published; SARIF {@code helpUri}s point at its anchors. */
    public static final String PUBLISHED_AT = "https://github.com/vpnlint/vpnlint/blob/main/rules.md";
    /** The command that regenerates rules.md (its staleness test prints it). */
    public static final String REGENERATE = "./vpnlint rules --markdown > rules.md";

    private RuleDocumentation() {}

    /** The link to a rule's section; GitHub makes a heading's anchor from its text, and the heading is the id. */
    public static String helpUri(String ruleId) {
        return PUBLISHED_AT + "#" + ruleId;
    }

    /** The whole rules.md. */
    public static String markdown(List<RuleMetadata> rules) {
        StringBuilder out = new StringBuilder();
        out.append("# vpnlint rules\n\n");
        out.append("<!-- Generated from the rules' metadata; do not edit. Regenerate with: ")
                .append(REGENERATE)
                .append(" -->\n\n");
        out.append("| Rule | Level | Title |\n|---|---|---|\n");
        for (RuleMetadata rule : rules) {
            out.append("| [`")
                    .append(rule.id())
                    .append("`](#")
                    .append(rule.id())
                    .append(") | ")
                    .append(rule.defaultLevel().id())
                    .append(" | ")
                    .append(rule.title().replace("|", "\\|"))
                    .append(" |\n");
        }
        for (RuleMetadata rule : rules) {
            out.append("\n## ").append(rule.id()).append("\n\n").append(section(rule));
        }
        return out.toString();
    }

    /** One rule's section (without its heading): title, level, tags, summary, explanation, the example samples. */
    public static String section(RuleMetadata rule) {
        StringBuilder out = new StringBuilder();
        out.append("**").append(rule.title()).append("**\n\n");
        out.append("- Level: ").append(rule.defaultLevel().id()).append('\n');
        if (!tags(rule).isEmpty())
            out.append("- Tags: ").append(String.join(", ", tags(rule))).append('\n');
        if (rule.securitySeverity() != null)
            out.append("- Security severity: ").append(rule.securitySeverity()).append('\n');
        out.append("- Precision: ").append(rule.precision().sarifName()).append("\n\n");
        out.append(rule.summary().strip()).append("\n\n");
        if (rule.explanation() != null && !rule.explanation().isBlank())
            out.append(rule.explanation().strip()).append("\n\n");
        if (!rule.badExample().isEmpty()) out.append("Triggers the rule:\n\n").append(codeBlocks(rule.badExample()));
        if (!rule.fixedExample().isEmpty())
            out.append("Does not trigger it:\n\n").append(codeBlocks(rule.fixedExample()));
        return out.toString();
    }

    /** The plain-text form for {@code vpnlint explain} and SARIF {@code help.text}. */
    public static String text(RuleMetadata rule) {
        StringBuilder out = new StringBuilder();
        out.append(rule.id()).append(": ").append(rule.title()).append('\n');
        out.append("level ").append(rule.defaultLevel().id());
        if (!tags(rule).isEmpty()) out.append(", tags ").append(String.join(", ", tags(rule)));
        out.append(", precision ").append(rule.precision().sarifName()).append("\n\n");
        out.append(rule.summary().strip()).append("\n\n");
        if (rule.explanation() != null && !rule.explanation().isBlank())
            out.append(rule.explanation().strip()).append("\n\n");
        if (!rule.badExample().isEmpty()) out.append("Triggers the rule:\n\n").append(indented(rule.badExample()));
        if (!rule.fixedExample().isEmpty())
            out.append("Does not trigger it:\n\n").append(indented(rule.fixedExample()));
        return out.toString().stripTrailing() + "\n";
    }

    /** The rule's tags, with {@code security} added for rules that carry a security severity (GitHub needs it). */
    public static List<String> tags(RuleMetadata rule) {
        List<String> tags = new ArrayList<>(rule.tags());
        if (rule.securitySeverity() != null && !tags.contains("security")) tags.add("security");
        return tags;
    }

    /** Each sample file of an example under a link to it (rules.md sits at the repository root, beside samples/). */
    private static String codeBlocks(List<SampleFile> example) {
        StringBuilder out = new StringBuilder();
        for (SampleFile file : example) {
            String path = "samples/" + file.path();
            out.append("[`").append(path).append("`](").append(path).append("):\n\n");
            out.append(codeBlock(file.text()));
        }
        return out.toString();
    }

    private static String indented(List<SampleFile> example) {
        StringBuilder out = new StringBuilder();
        for (SampleFile file : example) out.append(indent(file.namedText())).append('\n');
        return out.toString();
    }

    private static String codeBlock(String example) {
        String fence = example.contains("```") ? "~~~~" : "```";
        return fence + "\n" + example.strip() + "\n" + fence + "\n\n";
    }

    private static String indent(String example) {
        return "    " + example.strip().replace("\n", "\n    ") + "\n";
    }
}
