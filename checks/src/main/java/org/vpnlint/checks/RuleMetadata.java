package org.vpnlint.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.vpnlint.checks.samples.SampleFile;
import org.vpnlint.model.Level;

/**
 * Everything a rule says about itself. The rule list, {@code vpnlint rules}, {@code vpnlint explain}, SARIF
 * {@code rules[]} and {@code rules.md} are all generated from this one record, as Error Prone does with
 * {@code @BugPattern}. A rule declares it with {@link #builder(String)}, one named field at a time.
 *
 * @param id               stable rule id, e.g. {@code snat-captures-tunnel-traffic}
 * @param title            one line, used as the alert title
 * @param defaultLevel     severity unless the user's configuration overrides it
 * @param tags             e.g. {@code security}, {@code ipsec}, {@code nat}
 * @param securitySeverity CVSS-like score "0.1".."10.0" for rules that are security problems, else null
 * @param precision        how often a finding is a real problem
 * @param summary          one paragraph: what is proved or shown
 * @param explanation      why it matters on a Linux router, in a few paragraphs of Markdown
 * @param badExample       the sample file(s) that trigger the rule (several: checked together, e.g. both ends)
 * @param fixedExample     sample file(s) where the rule stays quiet, ideally the bad example fixed
 */
public record RuleMetadata(
        String id,
        String title,
        Level defaultLevel,
        List<String> tags,
        String securitySeverity,
        Precision precision,
        String summary,
        String explanation,
        List<SampleFile> badExample,
        List<SampleFile> fixedExample) {

    public RuleMetadata {
        tags = List.copyOf(tags);
        badExample = List.copyOf(badExample);
        fixedExample = List.copyOf(fixedExample);
    }

    /** Starts the metadata of the rule {@code id}; title, level, precision and summary must be given. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** SARIF's {@code precision} property values. */
    public enum Precision {
        VERY_HIGH("very-high"),
        HIGH("high"),
        MEDIUM("medium"),
        LOW("low");

        private final String sarifName;

        Precision(String sarifName) {
            this.sarifName = sarifName;
        }

        public String sarifName() {
            return sarifName;
        }
    }

    /** Named fields instead of ten positional arguments; the optional ones may be left out. */
    public static final class Builder {
        private final String id;
        private String title;
        private Level defaultLevel;
        private List<String> tags = List.of();
        private String securitySeverity;
        private Precision precision;
        private String summary;
        private String explanation = "";
        private List<SampleFile> badExample = List.of();
        private List<SampleFile> fixedExample = List.of();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder defaultLevel(Level defaultLevel) {
            this.defaultLevel = defaultLevel;
            return this;
        }

        public Builder tags(String... tags) {
            this.tags = List.of(tags);
            return this;
        }

        /** Only for security problems (a CVSS-like score, "0.1".."10.0"); GitHub then lists the alert as one. */
        public Builder securitySeverity(String securitySeverity) {
            this.securitySeverity = securitySeverity;
            return this;
        }

        public Builder precision(Precision precision) {
            this.precision = precision;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder explanation(String explanation) {
            this.explanation = explanation;
            return this;
        }

        /**
         * Sample files (paths below {@code samples/}) with an {@code EXPECT} marker of this rule; a pair folder's
         * files are given together. The samples test runs them, so the documented example is a tested one.
         */
        public Builder badExample(String... samplePaths) {
            this.badExample = load(samplePaths);
            return this;
        }

        /** Sample files (paths below {@code samples/}) on which this rule reports nothing. */
        public Builder fixedExample(String... samplePaths) {
            this.fixedExample = load(samplePaths);
            return this;
        }

        private static List<SampleFile> load(String... samplePaths) {
            return Arrays.stream(samplePaths).map(SampleFile::load).toList();
        }

        public RuleMetadata build() {
            return new RuleMetadata(
                    id,
                    required(title, "title"),
                    required(defaultLevel, "defaultLevel"),
                    tags,
                    securitySeverity,
                    required(precision, "precision"),
                    required(summary, "summary"),
                    explanation,
                    badExample,
                    fixedExample);
        }

        private <T> T required(T value, String field) {
            if (value == null) throw new IllegalStateException("rule " + id + ": metadata has no " + field);
            return value;
        }
    }
}
