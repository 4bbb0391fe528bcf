package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;

/**
 * Tunnel traffic and WAN load balancing (docs/semantics/wan-load-balancing.md): the solver chooses the WAN the load
 * balancer gives a connection, the replay names it, and the findings point at what lets the traffic escape.
 */
class LoadBalancingLeakTest {

    /** VyOS 1.4, eth0 and eth2 balanced for the LAN (eth1), the tunnel 192.168.10.0/24 ↔ 10.10.10.0/24 on eth0. */
    private static final String DUAL_WAN = """
            set interfaces ethernet eth0 address '203.0.113.134/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set interfaces ethernet eth2 address '198.51.100.10/24'
            set load-balancing wan interface-health eth0 nexthop '203.0.113.1'
            set load-balancing wan interface-health eth2 nexthop '198.51.100.1'
            set protocols static route 0.0.0.0/0 next-hop 203.0.113.1
            set protocols static route 10.10.10.0/24 blackhole distance '254'
            set vpn ipsec interface 'eth0'
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east connection-type 'respond'
            set vpn ipsec site-to-site peer east local-address '203.0.113.134'
            set vpn ipsec site-to-site peer east remote-address '192.0.2.150'
            set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'
            set nat source rule 5 destination address '10.10.10.0/24'
            set nat source rule 5 exclude
            set nat source rule 5 outbound-interface name 'eth0'
            set nat source rule 10 outbound-interface name 'eth0'
            set nat source rule 10 translation address 'masquerade'
            """;

    private static final String BALANCING_RULE = """
            # EXPECT: snat-captures-tunnel-traffic
            set load-balancing wan rule 10 inbound-interface 'eth1'
            set load-balancing wan rule 10 interface eth0
            set load-balancing wan rule 10 interface eth2
            """;

    @Test
    void theLoadBalancersSourceNatIsReportedAtTheBalancingRuleWithAnExclusion() {
        String config = DUAL_WAN + BALANCING_RULE;

        List<Finding> found = RuleCheck.of(new SnatCapturesTunnelTrafficRule())
                .config("router.set", config)
                .expectMarkers();

        Finding finding = found.get(0);
        assertTrue(finding.message().contains("ahead of every NAT rule"), finding.message());
        assertTrue(finding.message().contains("its connection balanced to eth"), finding.message());
        assertTrue(finding.fix().contains("load-balancing wan rule 5 exclude"), finding.fix());
        assertTrue(finding.fix().contains("load-balancing wan rule 5 inbound-interface eth1"), finding.fix());
        assertTrue(
                finding.fix().contains("load-balancing wan rule 5 destination address 10.10.10.0/24"), finding.fix());
    }

    @Test
    void withoutItsSourceNatAMasqueradeBoundToTheOtherWanDoesNotSeeTheBundledPacket() {
        // with the SA up the packet's route is the SA's bundle, whose device is the tunnel's eth0 (xfrm_bundle_create
        // routes the peer without the mark): POSTROUTING sees out eth0, where the exclude is, not eth2's masquerade
        String config = DUAL_WAN + """
                set load-balancing wan disable-source-nat
                set load-balancing wan rule 10 inbound-interface 'eth1'
                set load-balancing wan rule 10 interface eth0
                set load-balancing wan rule 10 interface eth2
                set nat source rule 20 outbound-interface name 'eth2'
                set nat source rule 20 translation address 'masquerade'
                """;

        List<Finding> found = RuleCheck.of(new SnatCapturesTunnelTrafficRule())
                .config("router.set", config)
                .expectMarkers();

        assertEquals(List.of(), found);
    }

    @Test
    void anExcludeRuleBeforeTheBalancingRuleKeepsTheTunnelSafe() {
        String config = DUAL_WAN + """
                set load-balancing wan rule 5 exclude
                set load-balancing wan rule 5 inbound-interface 'eth1'
                set load-balancing wan rule 5 destination address '10.10.10.0/24'
                set load-balancing wan rule 10 inbound-interface 'eth1'
                set load-balancing wan rule 10 interface eth0
                set load-balancing wan rule 10 interface eth2
                set nat source rule 20 outbound-interface name 'eth2'
                set nat source rule 20 translation address 'masquerade'
                """;

        assertEquals(
                List.of(),
                RuleCheck.of(new SnatCapturesTunnelTrafficRule())
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void theWansTableCarriesTheTunnelsTrafficPastTheBlackholeWhileTheSaIsDown() {
        String config = DUAL_WAN.replace("'respond'", "'initiate'")
                        .replace(
                                "set vpn ipsec site-to-site peer east tunnel 1 local prefix",
                                "# EXPECT: tunnel-traffic-leaks-when-sa-down\n"
                                        + "set vpn ipsec site-to-site peer east tunnel 1 local prefix")
                + BALANCING_RULE.replace("# EXPECT: snat-captures-tunnel-traffic\n", "");

        List<Finding> found = RuleCheck.of(new TunnelTrafficLeaksWhenSaDownRule())
                .config("router.set", config)
                .expectMarkers();

        assertTrue(
                found.get(0).message().contains("Load balancing sends it to the table of"),
                found.get(0).message());
        assertTrue(
                found.get(0).fix().contains("load-balancing wan rule 5 exclude"),
                found.get(0).fix());
        // the witness names the WAN the balancing rule marked it for, also when the solver's choice left it to the
        // group's first WAN (then the packet text of the message does not say it)
        String wan = found.get(0).witness().balancedTo();
        assertTrue(
                wan != null && found.get(0).message().contains("sends it to the table of " + wan + " "),
                found.get(0).message());
    }

    /** The router's own GRE to the peer, selected by tunnel 2, on the dual-WAN router that balances its own connections. */
    private static final String OWN_GRE = DUAL_WAN + """
            # EXPECT: gre-not-protected
            set interfaces tunnel tun0 address '10.255.0.1/30'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 remote '192.0.2.150'
            set interfaces tunnel tun0 source-address '203.0.113.134'
            set vpn ipsec site-to-site peer east tunnel 2 local prefix '203.0.113.134/32'
            set vpn ipsec site-to-site peer east tunnel 2 remote prefix '192.0.2.150/32'
            set vpn ipsec site-to-site peer east tunnel 2 protocol 'gre'
            set load-balancing wan enable-local-traffic
            set load-balancing wan rule 10 inbound-interface 'eth1'
            set load-balancing wan rule 10 interface eth0
            set load-balancing wan rule 10 interface eth2
            """;

    @Test
    void theRoutersOwnGreBalancedToTheOtherWanLeavesItsPolicyAndTheWitnessNamesTheWan() {
        List<Finding> found = RuleCheck.of(new GreNotProtectedRule())
                .config("router.set", OWN_GRE)
                .expectMarkers();

        Finding finding = found.get(0);
        assertEquals("eth2", finding.witness().balancedTo());
        assertTrue(finding.message().contains("is selected by tunnel 2 of peer east"), finding.message());
        assertTrue(finding.message().contains("routed again by eth2's table"), finding.message());
        assertTrue(finding.message().contains("leaves eth2 in cleartext as gre 198.51.100.10"), finding.message());
        assertTrue(finding.fix().contains("load-balancing wan rule 5 exclude"), finding.fix());
        assertTrue(
                finding.fix().contains("load-balancing wan rule 5 destination address 192.0.2.150/32"), finding.fix());
    }

    @Test
    void excludingThePeerKeepsTheRoutersOwnGreOnItsPolicy() {
        String fixed = OWN_GRE.replace("# EXPECT: gre-not-protected\n", "") + """
                set load-balancing wan rule 5 exclude
                set load-balancing wan rule 5 inbound-interface 'eth1'
                set load-balancing wan rule 5 destination address '192.0.2.150/32'
                """;

        assertEquals(
                List.of(),
                RuleCheck.of(new GreNotProtectedRule())
                        .config("router.set", fixed)
                        .findings());
    }

    @Test
    void withoutEnableLocalTrafficTheRoutersOwnGreIsNotBalanced() {
        String notBalanced = OWN_GRE.replace("# EXPECT: gre-not-protected\n", "")
                .replace("set load-balancing wan enable-local-traffic\n", "");

        assertEquals(
                List.of(),
                RuleCheck.of(new GreNotProtectedRule())
                        .config("router.set", notBalanced)
                        .findings());
    }
}
