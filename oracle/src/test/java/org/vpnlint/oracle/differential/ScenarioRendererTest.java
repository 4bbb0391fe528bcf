package org.vpnlint.oracle.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.oracle.KernelScenario;
import org.vpnlint.oracle.PolicyDirection;
import org.vpnlint.oracle.Route;
import org.vpnlint.oracle.RoutingRule;
import org.vpnlint.oracle.TemplateMode;
import org.vpnlint.oracle.TrafficSelector;
import org.vpnlint.oracle.XfrmPolicy;

/** What the renderer installs for small VyOS 1.4 configurations; runs without the kernel. */
class ScenarioRendererTest {

    private static final String SITE = """
            set interfaces ethernet eth0 address '192.0.2.1/24'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set protocols static route 0.0.0.0/0 next-hop 192.0.2.254
            """;
    private static final String TUNNEL_TO_PEER = """
            set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
            set vpn ipsec site-to-site peer east local-address '192.0.2.1'
            set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'
            """;
    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    @Test
    void sourceNatRulesBecomeNftRulesOnTheWanVethInRuleNumberOrder() {
        KernelScenario scenario = render(SITE + """
                set nat source rule 20 outbound-interface name 'eth0'
                set nat source rule 20 source address '192.168.10.0/24'
                set nat source rule 20 translation address '203.0.113.134'
                set nat source rule 10 outbound-interface name 'eth0'
                set nat source rule 10 destination address '!10.10.10.0/24'
                set nat source rule 10 exclude
                """, SaStates.allUp(), LAN_TO_REMOTE);

        String nft = scenario.nft().text();
        int exclude = nft.indexOf("oifname \"r1\" ip daddr != 10.10.10.0/24 return");
        int snat = nft.indexOf("oifname \"r1\" ip saddr 192.168.10.0/24 snat to 203.0.113.134");
        assertTrue(exclude > 0 && snat > exclude, nft);
    }

    @Test
    void interfaceWildcardsAreExpandedToTheVethsTheyMatch() {
        KernelScenario scenario = render(SITE + """
                set nat source rule 10 outbound-interface name 'eth*'
                set nat source rule 10 protocol 'tcp_udp'
                set nat source rule 10 destination port '!22,1000-2000'
                set nat source rule 10 translation address 'masquerade'
                """, SaStates.allUp(), LAN_TO_REMOTE);

        assertTrue(
                scenario.nft()
                        .text()
                        .contains(
                                "oifname { \"r1\", \"r0\" } meta l4proto { tcp, udp } th dport != { 22, 1000-2000 } masquerade"),
                scenario.nft().text());
    }

    @Test
    void trapPolicyOfTwoSlash24SelectorsGetsStrongSwansPriority() {
        KernelScenario scenario = render(
                SITE + TUNNEL_TO_PEER + "set vpn ipsec site-to-site peer east connection-type 'respond'\n",
                SaStates.allDown(),
                LAN_TO_REMOTE);

        // charon was observed installing "priority 375424" on out, fwd and in for this selector pair
        // (docs/semantics/strongswan.md#policy-priority)
        XfrmPolicy out = only(scenario, PolicyDirection.OUT);
        assertEquals(375424, out.priority());
        assertEquals(TemplateMode.TUNNEL_REQUIRED, out.template().mode());
        assertEquals(
                TrafficSelector.between("10.10.10.0/24", "192.168.10.0/24"),
                only(scenario, PolicyDirection.FWD).selector());
        assertEquals(375424, only(scenario, PolicyDirection.IN).priority());
    }

    @Test
    void saUpInstallsTheRegularPolicyAndTheTable220Route() {
        KernelScenario scenario = render(SITE + TUNNEL_TO_PEER, SaStates.allUp(), LAN_TO_REMOTE);

        XfrmPolicy out = only(scenario, PolicyDirection.OUT);
        assertEquals(375423, out.priority());
        assertEquals(TemplateMode.TRANSPORT_USE, out.template().mode());
        assertTrue(
                scenario.routes()
                        .contains(Route.via("10.10.10.0/24", "192.0.2.254")
                                .inTable(220)
                                .withSource("192.168.10.1")),
                scenario.routes().toString());
        assertEquals(List.of(RoutingRule.strongSwanTable220()), scenario.rules());
    }

    @Test
    void saDownWithoutTrapLeavesNoPolicyAndNoTable220Route() {
        KernelScenario scenario = render(SITE + TUNNEL_TO_PEER, SaStates.allDown(), LAN_TO_REMOTE);

        assertEquals(List.of(), scenario.policies());
        assertEquals(List.of(Route.via("0.0.0.0/0", "192.0.2.254")), scenario.routes());
    }

    @Test
    void tunnelWithoutPrefixesCoversEveryProtocolBetweenTheEndpoints() {
        KernelScenario scenario = render(
                SITE + """
                set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'
                set vpn ipsec site-to-site peer east remote-address '203.0.113.20'
                set vpn ipsec site-to-site peer east local-address '192.0.2.1'
                set vpn ipsec site-to-site peer east tunnel 1 protocol 'gre'
                """,
                SaStates.allUp(),
                ConcretePacket.of("192.0.2.1", "203.0.113.20", ProtocolMatch.GRE, Ingress.local()));

        assertEquals(
                TrafficSelector.between("192.0.2.1/32", "203.0.113.20/32"),
                only(scenario, PolicyDirection.OUT).selector());
    }

    @Test
    void generatedCasesAreReproducibleFromTheSeed() {
        CaseGenerator first = new CaseGenerator(7);
        CaseGenerator second = new CaseGenerator(7);
        for (int index = 1; index <= 20; index++) {
            DifferentialCase a = first.next(index);
            DifferentialCase b = second.next(index);
            assertEquals(a.config(), b.config());
            assertEquals(a.describe(), b.describe());
        }
    }

    private static KernelScenario render(String config, SaStates states, ConcretePacket packet) {
        DifferentialCase differentialCase = new DifferentialCase(
                "test", config, ConfigText.read("test.set", config, Dialect.VYOS_1_4), states, packet, 1);
        return new ScenarioRenderer(CaseGenerator.HOSTS)
                .render(differentialCase)
                .scenario();
    }

    private static XfrmPolicy only(KernelScenario scenario, PolicyDirection direction) {
        List<XfrmPolicy> policies = scenario.policies().stream()
                .filter(p -> p.direction() == direction)
                .toList();
        assertEquals(1, policies.size(), policies.toString());
        return policies.get(0);
    }
}
