package org.vpnlint.checks.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.Level;

class IkeBlockedByFirewallRuleTest {

    private static final IkeBlockedByFirewallRule RULE = new IkeBlockedByFirewallRule();

    /** VyOS 1.3: WAN_LOCAL drops everything but established flows; the peer only responds. */
    private static final String RESPONDER_WITHOUT_IKE_ACCEPT = """
            # EXPECT: ike-blocked-by-firewall
            set firewall name WAN_LOCAL default-action 'drop'
            set firewall name WAN_LOCAL rule 10 action 'accept'
            set firewall name WAN_LOCAL rule 10 state established 'enable'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth0 firewall local name 'WAN_LOCAL'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec ipsec-interfaces interface 'eth0'
            set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer 192.0.2.150 connection-type 'respond'
            set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'
            """;

    @Test
    void responderWhoseWanLocalDropsIkeIsAnError() {
        List<Finding> findings = RuleCheck.of(RULE)
                .config("office.set", RESPONDER_WITHOUT_IKE_ACCEPT)
                .expectMarkers();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level());
        assertTrue(finding.message().contains("IKE from 192.0.2.150 to 203.0.113.134"), finding.message());
        assertEquals("udp", finding.witness().protocol());
        assertEquals(500, finding.witness().dstPort());
        TraceStep.FilterDecision input = finding.trace().stream()
                .filter(TraceStep.FilterDecision.class::isInstance)
                .map(TraceStep.FilterDecision.class::cast)
                .filter(s -> s.stage() == Stage.INPUT_FILTER)
                .findFirst()
                .orElseThrow(() -> new AssertionError(finding.trace().toString()));
        assertEquals(FirewallAction.DROP, input.action());
        assertEquals(
                RuleCheck.lineOf(RESPONDER_WITHOUT_IKE_ACCEPT, "WAN_LOCAL default-action"),
                input.location().line());
        assertTrue(
                finding.fix().contains("destination port 500,4500")
                        && finding.fix().contains("protocol esp"),
                finding.fix());
    }

    /** VyOS 1.4: the input filter admits udp 500/4500 but not ESP; this router initiates. */
    private static final String INITIATOR_WITHOUT_ESP = """
            set firewall ipv4 input filter default-action 'drop'
            set firewall ipv4 input filter rule 10 action 'accept'
            set firewall ipv4 input filter rule 10 state 'established'
            set firewall ipv4 input filter rule 20 action 'accept'
            set firewall ipv4 input filter rule 20 protocol 'udp'
            set firewall ipv4 input filter rule 20 destination port '500,4500'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec interface 'eth0'
            set vpn ipsec site-to-site peer PARTNER authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer PARTNER connection-type 'initiate'
            set vpn ipsec site-to-site peer PARTNER local-address '203.0.113.134'
            set vpn ipsec site-to-site peer PARTNER remote-address '192.0.2.150'
            set vpn ipsec site-to-site peer PARTNER tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer PARTNER tunnel 1 remote prefix '10.10.10.0/24'
            """;

    @Test
    void initiatorWhoseInputFilterDropsEspIsAWarning() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("branch.set", INITIATOR_WITHOUT_ESP).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.WARNING, finding.level());
        assertTrue(finding.message().contains("ESP from 192.0.2.150 to 203.0.113.134"), finding.message());
        assertTrue(!finding.message().contains("IKE from"), finding.message());
        assertEquals("esp", finding.witness().protocol());
    }

    /** VyOS 1.3: a plain GRE tunnel to 198.51.100.7; WAN_LOCAL accepts IKE and ESP but not GRE. */
    private static final String GRE_NOT_ACCEPTED = """
            set firewall name WAN_LOCAL default-action 'drop'
            set firewall name WAN_LOCAL rule 10 action 'accept'
            set firewall name WAN_LOCAL rule 10 protocol 'udp'
            set firewall name WAN_LOCAL rule 10 destination port '500,4500'
            set firewall name WAN_LOCAL rule 20 action 'accept'
            set firewall name WAN_LOCAL rule 20 protocol 'esp'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth0 firewall local name 'WAN_LOCAL'
            set interfaces tunnel tun0 address '10.255.0.1/30'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 source-address '203.0.113.134'
            set interfaces tunnel tun0 remote '198.51.100.7'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            """;

    @Test
    void greTunnelWhoseRemoteIsDroppedIsAnError() {
        List<Finding> findings =
                RuleCheck.of(RULE).config("gre.set", GRE_NOT_ACCEPTED).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level());
        assertTrue(finding.message().contains("GRE from 198.51.100.7 to 203.0.113.134 (tun0)"), finding.message());
        assertEquals("gre", finding.witness().protocol());
        assertEquals("interfaces tunnel tun0|input", finding.subject());
    }

    @Test
    void wanLocalThatAcceptsIkeNatTAndEspIsFine() {
        String accepted = RESPONDER_WITHOUT_IKE_ACCEPT.replace("set interfaces ethernet eth0 address", """
                set firewall name WAN_LOCAL rule 20 action 'accept'
                set firewall name WAN_LOCAL rule 20 protocol 'udp'
                set firewall name WAN_LOCAL rule 20 destination port '500,4500'
                set firewall name WAN_LOCAL rule 30 action 'accept'
                set firewall name WAN_LOCAL rule 30 protocol 'esp'
                set interfaces ethernet eth0 address""");

        assertEquals(
                List.of(), RuleCheck.of(RULE).config("office.set", accepted).findings());
    }

    /** EdgeOS: auto-firewall-nat-exclude enable accepts IKE and ESP before WAN_LOCAL runs. */
    private static final String EDGEOS_AUTO_ACCEPT = """
            /* EdgeOS, WAN_LOCAL drops everything new; auto-firewall-nat-exclude admits IKE and ESP */
            firewall {
                name WAN_LOCAL {
                    default-action drop
                    rule 10 {
                        action accept
                        state {
                            established enable
                        }
                    }
                }
            }
            interfaces {
                ethernet eth0 {
                    address 203.0.113.134/24
                    firewall {
                        local {
                            name WAN_LOCAL
                        }
                    }
                }
                ethernet eth1 {
                    address 192.168.10.1/24
                }
            }
            protocols {
                static {
                    route 0.0.0.0/0 {
                        next-hop 203.0.113.1 {
                        }
                    }
                }
            }
            vpn {
                ipsec {
                    auto-firewall-nat-exclude enable
                    ipsec-interfaces {
                        interface eth0
                    }
                    site-to-site {
                        peer 192.0.2.150 {
                            authentication {
                                mode pre-shared-secret
                            }
                            connection-type respond
                            local-address 203.0.113.134
                            tunnel 1 {
                                local {
                                    prefix 192.168.10.0/24
                                }
                                remote {
                                    prefix 10.10.10.0/24
                                }
                            }
                        }
                    }
                }
            }
            /* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:system@4:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@1:ubnt-util@1:vrrp@1:webgui@1:webproxy@1:zone-policy@1" === */
            /* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
            """;

    @Test
    void edgeosAutoFirewallNatExcludeAcceptsIkeAndEsp() {
        assertEquals(
                List.of(),
                RuleCheck.of(RULE).config("edge.boot", EDGEOS_AUTO_ACCEPT).findings());
    }

    @Test
    void edgeosWithoutAutoFirewallNatExcludeDropsIke() {
        String disabled =
                EDGEOS_AUTO_ACCEPT.replace("auto-firewall-nat-exclude enable", "auto-firewall-nat-exclude disable");

        List<Finding> findings =
                RuleCheck.of(RULE).config("edge.boot", disabled).findings();

        assertEquals(1, findings.size(), findings.toString());
        assertTrue(
                findings.get(0).fix().contains("auto-firewall-nat-exclude enable"),
                findings.get(0).fix());
    }

    /** VyOS 1.4 road-warrior style: the peer may come from anywhere (remote-address any). */
    private static final String ANY_REMOTE = """
            set firewall ipv4 input filter default-action 'drop'
            set firewall ipv4 input filter rule 10 action 'accept'
            set firewall ipv4 input filter rule 10 state 'established'
            set firewall ipv4 input filter rule 20 action 'accept'
            set firewall ipv4 input filter rule 20 protocol 'udp'
            set firewall ipv4 input filter rule 20 destination port '500,4500'
            set firewall ipv4 input filter rule 20 source address '198.51.100.0/24'
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop '203.0.113.1'
            set vpn ipsec interface 'eth0'
            set vpn ipsec site-to-site peer BRANCH authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer BRANCH authentication remote-id 'branch'
            set vpn ipsec site-to-site peer BRANCH connection-type 'respond'
            set vpn ipsec site-to-site peer BRANCH force-udp-encapsulation
            set vpn ipsec site-to-site peer BRANCH local-address '203.0.113.134'
            set vpn ipsec site-to-site peer BRANCH remote-address 'any'
            set vpn ipsec site-to-site peer BRANCH tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer BRANCH tunnel 1 remote prefix '10.10.20.0/24'
            """;

    @Test
    void peerFromAnyAddressIsFineWhenSomeSourceGetsThrough() {
        assertEquals(List.of(), RuleCheck.of(RULE).config("hub.set", ANY_REMOTE).findings());
    }

    @Test
    void peerFromAnyAddressIsBlockedWhenEverySourceIsDropped() {
        String config = ANY_REMOTE.replace(
                "set firewall ipv4 input filter rule 20 action 'accept'",
                "set firewall ipv4 input filter rule 20 action 'drop'");

        List<Finding> findings = RuleCheck.of(RULE).config("hub.set", config).findings();

        assertEquals(1, findings.size(), findings.toString());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level());
        assertTrue(finding.message().contains("IKE from any address to 203.0.113.134"), finding.message());
        assertTrue(!finding.fix().contains("source address"), finding.fix());
    }
}
