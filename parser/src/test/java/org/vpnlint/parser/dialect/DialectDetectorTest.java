package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;

class DialectDetectorTest {

    private static DialectDecision detect(String text) {
        return DialectDetector.detect(ConfigReader.read("config.boot", text), null);
    }

    private static final String NAT_14 = """
            nat {
                source {
                    rule 10 {
                        outbound-interface {
                            name eth0
                        }
                        translation {
                            address masquerade
                        }
                    }
                }
            }
            """;

    @Test
    void footerComponentsOf14() {
        DialectDecision decision = detect(NAT_14 + """
                // Warning: Do not remove the following line.
                // vyos-config-version: "bgp@5:firewall@15:interfaces@32:ipsec@13:nat@8:quagga@11:system@27"
                // Release version: 1.4.0
                """);
        assertEquals(Dialect.VYOS_1_4, decision.dialect());
        assertEquals("the version footer (firewall@15)", decision.reason());
        assertEquals(List.of(), decision.diagnostics());
    }

    @Test
    void footerComponentsOf15() {
        assertEquals(Dialect.VYOS_1_5, detect(NAT_14 + """
                // vyos-config-version: "firewall@16:ipsec@13:nat@8"
                """).dialect());
    }

    @Test
    void footerOf13WithOutboundInterfaceNameWarnsAtThatNode() {
        DialectDecision decision = detect(NAT_14 + """
                // vyos-config-version: "firewall@5:interfaces@22:ipsec@5:nat@5:system@21"
                // Release version: 1.3.4
                """);
        assertEquals(Dialect.VYOS_1_3, decision.dialect());
        Diagnostic warning = decision.diagnostics().get(0);
        assertEquals(Level.WARNING, warning.level());
        assertEquals(DiagnosticCodes.WRONG_VERSION_SYNTAX, warning.code());
        assertEquals(4, warning.location().line());
        assertEquals(
                "wrong version syntax: 'nat source rule 10 outbound-interface' (outbound-interface name|group)"
                        + " is VyOS 1.4/1.5 syntax, but this file is read as VyOS 1.3 (the version footer (nat@5))",
                warning.message());
    }

    @Test
    void footerOf12() {
        assertEquals(Dialect.VYOS_1_2, detect("""
                system {
                    host-name r1
                }
                /* Warning: Do not remove the following line. */
                /* === vyatta-config-version: "cluster@1:config-management@1:firewall@5:ipsec@5:nat@4:system@10" === */
                /* Release version: 1.2.6 */
                """).dialect());
    }

    @Test
    void overrideWinsAndStillWarnsAboutForeignSyntax() {
        ConfigTree tree = ConfigReader.read("r.conf", NAT_14);
        DialectDecision decision = DialectDetector.detect(tree, Dialect.VYOS_1_3);
        assertEquals(Dialect.VYOS_1_3, decision.dialect());
        assertEquals("--dialect", decision.reason());
        assertEquals(1, decision.diagnostics().size());
    }

    @Test
    void serviceNatWithoutFooterIsEdgeos() {
        DialectDecision decision = detect("""
                service {
                    nat {
                        rule 5010 {
                            outbound-interface eth0
                            type masquerade
                        }
                    }
                }
                """);
        assertEquals(Dialect.EDGEOS, decision.dialect());
        assertEquals("its syntax (service nat rule)", decision.reason());
    }

    @Test
    void ipsec5FooterIsNarrowedTo12ByTheLocalIpSpelling() {
        DialectDecision decision = detect("""
                interfaces {
                    tunnel tun0 {
                        encapsulation gre
                        local-ip 192.0.2.1
                        remote-ip 192.0.2.2
                    }
                }
                /* === vyatta-config-version: "ipsec@5" === */
                """);
        assertEquals(Dialect.VYOS_1_2, decision.dialect());
        assertTrue(
                decision.reason().startsWith("the version footer (ipsec@5), narrowed by its syntax"),
                decision.reason());
    }

    @Test
    void mixedSyntaxWithoutFooterGoesByMajorityAndWarnsAboutTheRest() {
        DialectDecision decision = detect("""
                set vpn ipsec site-to-site peer 192.0.2.1 authentication pre-shared-secret 'x'
                set vpn ipsec site-to-site peer 192.0.2.1 authentication id '@me'
                set vpn ipsec ipsec-interfaces interface 'eth0'
                set vpn ipsec site-to-site peer 192.0.2.1 remote-address '192.0.2.1'
                """);
        assertEquals(Dialect.VYOS_1_3, decision.dialect());
        assertEquals(1, decision.diagnostics().size());
        assertEquals(4, decision.diagnostics().get(0).location().line());
    }

    @Test
    void nothingVersionSpecificIsReadAs14() {
        DialectDecision decision = detect("set system host-name 'r1'\n");
        assertEquals(Dialect.VYOS_1_4, decision.dialect());
        assertEquals("no version footer and no version-specific syntax; assumed", decision.reason());
    }

    @Test
    void dialectOptionNames() {
        assertEquals(Optional.of(Dialect.VYOS_1_3), DialectDetector.fromOption("vyos-1.3"));
        assertEquals(Optional.of(Dialect.EDGEOS), DialectDetector.fromOption("EdgeOS"));
        assertEquals(Optional.of(Dialect.VYOS_1_5), DialectDetector.fromOption("1.5"));
        assertEquals(Optional.empty(), DialectDetector.fromOption("vyos-2.0"));
        for (String name : DialectDetector.OPTION_NAMES)
            assertTrue(DialectDetector.fromOption(name).isPresent(), name);
    }
}
