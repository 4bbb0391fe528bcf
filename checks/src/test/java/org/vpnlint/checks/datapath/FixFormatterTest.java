package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.ConfigStyle;
import org.vpnlint.checks.FixFormatter;
import org.vpnlint.checks.RuleCheck;
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
    void aRemarkIsACommentInEitherStyle() {
        ConfigChange change =
                new ConfigChange().set(RULE_5, Segment.of("exclude")).remark("or do it another way");
        assertEquals(
                "set nat source rule 5 exclude\n# or do it another way",
                FixFormatter.format(ConfigStyle.SET_COMMANDS, change));
        assertEquals("""
                nat {
                    source {
                        rule 5 {
                            exclude
                        }
                    }
                }
                /* or do it another way */""", FixFormatter.format(ConfigStyle.CURLY, change));
    }

    @Test
    void deletingOrRenumberingIsWrittenAsCommandsEvenForACurlyFile() {
        List<Segment> chain = Segment.path("firewall ipv4 name WAN_IN");
        assertEquals(
                "delete firewall ipv4 name WAN_IN rule 30",
                FixFormatter.format(
                        ConfigStyle.CURLY,
                        new ConfigChange().delete(Segment.path("firewall ipv4 name WAN_IN rule 30"))));
        assertEquals(
                "edit firewall ipv4 name WAN_IN\nrename rule 20 to rule 5\ntop",
                FixFormatter.format(
                        ConfigStyle.CURLY,
                        new ConfigChange().rename(chain, Segment.of("rule", 20), Segment.of("rule", 5))));
    }

    @Test
    void aModelPathNamesItsTagNodes() {
        assertEquals(
                List.of(Segment.of("firewall"), Segment.of("name", "WAN_LOCAL"), Segment.of("rule", 20)),
                Segment.path("firewall name WAN_LOCAL rule 20"));
        assertEquals(
                """
                vpn {
                    ipsec {
                        site-to-site {
                            peer 192.0.2.1 {
                                local-address any
                            }
                        }
                    }
                }""",
                FixFormatter.format(
                        ConfigStyle.CURLY,
                        new ConfigChange()
                                .set(
                                        Segment.path("vpn ipsec site-to-site peer 192.0.2.1"),
                                        Segment.of("local-address", "any"))));
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
