package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.datapath.ConfigChange.Segment;
import org.vpnlint.model.Dialect;

class FixFormatterTest {

    private static final List<Segment> RULE_5 = List.of(Segment.of("nat"), Segment.of("source"), Segment.of("rule", 5));

    private final ConfigChange exclude = new ConfigChange()
            .set(RULE_5, Segment.of("outbound-interface", "eth0"))
            .set(RULE_5, Segment.of("destination"), Segment.of("address", "10.10.10.0/24"))
            .set(RULE_5, Segment.of("description", "keep tunnel traffic"))
            .set(RULE_5, Segment.of("exclude"));

    @Test
    void setCommandsQuoteOnlyValuesThatNeedIt() {
        assertEquals("""
                set nat source rule 5 outbound-interface eth0
                set nat source rule 5 destination address 10.10.10.0/24
                set nat source rule 5 description 'keep tunnel traffic'
                set nat source rule 5 exclude""", FixFormatter.format(ConfigStyle.SET_COMMANDS, exclude));
    }

    @Test
    void curlyFormNestsTheSamePaths() {
        assertEquals("""
                nat {
                    source {
                        rule 5 {
                            outbound-interface eth0
                            destination {
                                address 10.10.10.0/24
                            }
                            description "keep tunnel traffic"
                            exclude
                        }
                    }
                }""", FixFormatter.format(ConfigStyle.CURLY, exclude));
    }

    @Test
    void excludeNumbersGoBelowTheSnatRule() {
        var router = RuleCheck.wholeRouter(
                "r.set",
                String.join(
                                "\n",
                                "set nat source rule 5 exclude",
                                "set nat source rule 10 translation address 'masquerade'",
                                "set nat source rule 10 outbound-interface 'eth0'")
                        + "\n",
                Dialect.VYOS_1_2);

        assertEquals(List.of(4, 3), NatExcludeFix.freeNumbersBelow(router, 10, 2));
        assertEquals(List.of(1), NatExcludeFix.freeNumbersBelow(router, 2, 1));
        assertNull(NatExcludeFix.freeNumbersBelow(router, 1, 1));
    }
}
