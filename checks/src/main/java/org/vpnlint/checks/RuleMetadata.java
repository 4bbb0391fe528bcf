package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.model.Level;

/**
 * Everything a rule says about itself. The rule list, {@code vpnlint rules}, {@code vpnlint explain}, SARIF
 * {@code rules[]} and {@code rules.md} are all generated from this one record, as Error Prone does with
 * {@code @BugPattern}.
 *
 * @param id               stable rule id, e.g. {@code snat-captures-tunnel-traffic}
 * @param title            one line, used as the alert title
 * @param defaultLevel     severity unless the user's configuration overrides it
 * @param tags             e.g. {@code security}, {@code ipsec}, {@code nat}
 * @param securitySeverity CVSS-like score "0.1".."10.0" for rules that are security problems, else null
 * @param precision        how often a finding is a real problem
 * @param summary          one paragraph: what is proved or shown
 * @param explanation      why it matters on a Linux router, in a few paragraphs of Markdown
 * @param badExample       a configuration fragment that triggers the rule
 * @param fixedExample     the same fragment fixed
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
        String badExample,
        String fixedExample) {

    public RuleMetadata {
        tags = List.copyOf(tags);
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
}
