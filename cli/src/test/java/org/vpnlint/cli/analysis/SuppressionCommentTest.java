package org.vpnlint.cli.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionCommentTest {

    @Test
    void rulesReasonAndExpiry() {
        SuppressionComment.Parsed parsed = SuppressionComment.parse(
                " vpnlint:ignore snat-captures-tunnel-traffic,gre-not-protected reason=\"lab only\" expires=2027-01-31 ");

        assertNull(parsed.problem());
        assertEquals(List.of("snat-captures-tunnel-traffic", "gre-not-protected"), parsed.ruleIds());
        assertEquals("lab only", parsed.reason());
        assertEquals(LocalDate.of(2027, 1, 31), parsed.expires());
    }

    @Test
    void aReasonInSingleQuotesForVyosCommentCommands() {
        assertEquals(
                "lab only",
                SuppressionComment.parse("vpnlint:ignore no-initiator reason='lab only'")
                        .reason());
    }

    @Test
    void anEmptyReasonIsNoReason() {
        assertTrue(SuppressionComment.parse("vpnlint:ignore no-initiator reason=\"  \"")
                .problem()
                .startsWith("a suppression needs a reason"));
    }

    @Test
    void aBadDateOrAttributeIsAProblem() {
        assertEquals(
                "expires=31.01.2027 is not a date in the form YYYY-MM-DD",
                SuppressionComment.parse("vpnlint:ignore no-initiator reason=x expires=31.01.2027")
                        .problem());
        assertTrue(SuppressionComment.parse("vpnlint:ignore no-initiator because=x")
                .problem()
                .startsWith("unknown attribute 'because'"));
    }

    @Test
    void aMissingRuleIsAProblem() {
        assertTrue(SuppressionComment.parse("vpnlint:ignore reason=\"x\"")
                .problem()
                .startsWith("a suppression names the rule"));
    }

    @Test
    void otherCommentsAreNotSuppressions() {
        assertFalse(SuppressionComment.isSuppression("EXPECT: snat-captures-tunnel-traffic"));
        assertTrue(SuppressionComment.isSuppression("  vpnlint:ignore x reason=y"));
    }
}
