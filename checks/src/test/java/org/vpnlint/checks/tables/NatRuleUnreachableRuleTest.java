package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.Level;

class NatRuleUnreachableRuleTest {

    private static final NatRuleUnreachableRule RULE = new NatRuleUnreachableRule();

    /** VyOS 1.3: the IPsec exclude was numbered after the masquerade it should precede. */
    private static final String EXCLUDE_AFTER_MASQUERADE = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set nat source rule 100 outbound-interface 'eth0'
            set nat source rule 100 source address '192.168.10.0/24'
            set nat source rule 100 translation address 'masquerade'
            # EXPECT: nat-rule-unreachable
            set nat source rule 110 destination address '10.10.10.0/24'
            set nat source rule 110 exclude
            set nat source rule 110 outbound-interface 'eth0'
            set nat source rule 110 source address '192.168.10.0/24'
            """;

    @Test
    void excludeAfterTheMasqueradeNeverActs() {
        List<Finding> findings = RuleCheck.of(RULE)
                .config("office.set", EXCLUDE_AFTER_MASQUERADE)
                .expectMarkers();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.WARNING, finding.level());
        assertTrue(
                finding.message()
                        .startsWith("nat source rule 110 (exclude) never acts: nat source rule 100 (masquerade)"),
                finding.message());
        assertTrue(
                finding.witness().dst().startsWith("10.10.10."),
                finding.witness().toString());
        // the chain's example is told in words: which earlier rule takes it
        TraceStep.Note firstMatch = (TraceStep.Note) finding.trace().get(0);
        assertEquals("postrouting-snat", firstMatch.stageId());
        assertEquals(
                RuleCheck.lineOf(EXCLUDE_AFTER_MASQUERADE, "rule 100"),
                firstMatch.location().line());
        assertTrue(
                firstMatch.detail().startsWith("nat source rule 100 matches first (masquerade)"), firstMatch.detail());
        assertEquals("edit nat source\nrename rule 110 to rule 95\ntop", finding.fix());
        assertEquals("nat source rule 110", finding.subject());
    }

    /** EdgeOS: a second masquerade for the LAN only, after the masquerade for everything on eth0. */
    private static final String EDGEOS_REDUNDANT_MASQUERADE = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set service nat rule 5010 outbound-interface 'eth0'
            set service nat rule 5010 protocol 'all'
            set service nat rule 5010 type 'masquerade'
            set service nat rule 5020 outbound-interface 'eth0'
            set service nat rule 5020 source address '192.168.10.0/24'
            set service nat rule 5020 type 'masquerade'
            """;

    @Test
    void edgeosSecondMasqueradeIsRedundant() {
        List<Finding> findings = RuleCheck.of(RULE)
                .config("edge.set", EDGEOS_REDUNDANT_MASQUERADE)
                .findings();

        assertEquals(1, findings.size(), findings.toString());
        assertEquals("delete service nat rule 5020", findings.get(0).fix());
    }

    @Test
    void rulesOnDifferentInterfacesDoNotShadowEachOther() {
        String config = EXCLUDE_AFTER_MASQUERADE.replace(
                "set nat source rule 110 outbound-interface 'eth0'",
                "set nat source rule 110 outbound-interface 'eth1'");

        assertEquals(List.of(), RuleCheck.of(RULE).config("office.set", config).findings());
    }

    /** VyOS 1.4: the exclude comes first, as it should. */
    @Test
    void excludeBeforeTheMasqueradeIsFine() {
        String config = """
                set interfaces ethernet eth0 address '203.0.113.134/24'
                set interfaces ethernet eth1 address '192.168.10.1/24'
                set nat source rule 5 destination address '10.10.10.0/24'
                set nat source rule 5 exclude
                set nat source rule 5 outbound-interface name 'eth0'
                set nat source rule 100 outbound-interface name 'eth0'
                set nat source rule 100 source address '192.168.10.0/24'
                set nat source rule 100 translation address 'masquerade'
                set nat destination rule 10 destination port '443'
                set nat destination rule 10 inbound-interface name 'eth0'
                set nat destination rule 10 protocol 'tcp'
                set nat destination rule 10 translation address '192.168.10.20'
                set nat destination rule 20 destination port '443'
                set nat destination rule 20 inbound-interface name 'eth0'
                set nat destination rule 20 protocol 'udp'
                set nat destination rule 20 translation address '192.168.10.21'
                """;

        assertEquals(List.of(), RuleCheck.of(RULE).config("router.set", config).findings());
    }
}
