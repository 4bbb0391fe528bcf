package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.LoadBalanceGroup;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.OwnConnectionRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PolicyRoute;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;

/** VyOS {@code load-balancing wan} and EdgeOS {@code load-balance group} read as what they install. */
class LoadBalanceMappingTest {

    private static final String VYOS = """
            set interfaces ethernet eth0 address '203.0.113.2/24'
            set interfaces ethernet eth1 address '198.51.100.2/24'
            set interfaces ethernet eth2 address '192.168.10.1/24'
            set load-balancing wan interface-health eth0 nexthop '203.0.113.1'
            set load-balancing wan interface-health eth0 failure-count '3'
            set load-balancing wan interface-health eth1 nexthop 'dhcp'
            set load-balancing wan interface-health eth1 test 10 target '192.0.2.53'
            set load-balancing wan rule 5 exclude
            set load-balancing wan rule 5 inbound-interface 'eth2'
            set load-balancing wan rule 5 destination address '10.20.0.0/16'
            set load-balancing wan rule 10 inbound-interface 'eth2'
            set load-balancing wan rule 10 interface eth0 weight '2'
            set load-balancing wan rule 10 interface eth1
            set load-balancing wan rule 10 protocol 'all'
            set load-balancing wan sticky-connections inbound
            """;

    @Test
    void vyosRulesBecomeRulesetsOnTheirInboundInterface() {
        MappedRouter mapped = map("wlb.set", VYOS);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        Router router = mapped.router();
        List<PolicyRoute> rulesets = router.policyRoutes();
        assertEquals(2, rulesets.size());
        PolicyRouteRule exclude = rulesets.get(0).rules().get(0);
        assertEquals(PolicyRouteAction.ACCEPT, exclude.action());
        assertEquals(List.of("eth2"), rulesets.get(0).interfaces());
        assertEquals("load-balancing wan rule 5", exclude.path());
        PolicyRouteRule balanced = rulesets.get(1).rules().get(0);
        assertEquals(PolicyRouteAction.LOAD_BALANCE, balanced.action());

        LoadBalanceGroup group = router.loadBalanceGroupOf(balanced).orElseThrow();
        assertTrue(group.sourceNat(), "without disable-source-nat the daemon source-NATs marked connections");
        assertEquals(
                List.of(
                        new LoadBalancedWan("eth0", 2, false, 201, ip("203.0.113.1")),
                        new LoadBalancedWan("eth1", 1, false, 202, null)),
                group.wans());
        assertTrue(router.loadBalanceGroupOf(exclude).isEmpty());
    }

    @Test
    void vyosRulesRunInRuleNumberOrderWhateverOrderTheScriptListsThem() {
        // the kernel differential showed it: the daemon installs rule 5 ahead of rule 10 even when 10 comes first
        Router router = map("wlb.set", """
                set interfaces ethernet eth0 address '203.0.113.2/24'
                set interfaces ethernet eth2 address '192.168.10.1/24'
                set load-balancing wan interface-health eth0 nexthop '203.0.113.1'
                set load-balancing wan rule 10 inbound-interface 'eth2'
                set load-balancing wan rule 10 interface eth0
                set load-balancing wan rule 5 exclude
                set load-balancing wan rule 5 inbound-interface 'eth2'
                set load-balancing wan rule 5 destination address '10.20.0.0/16'
                """).router();
        assertEquals(
                List.of(5, 10),
                router.policyRoutes().stream()
                        .map(ruleset -> ruleset.rules().get(0).number())
                        .toList());
    }

    @Test
    void vyosTablesHoldOneDefaultRouteOutOfTheirWan() {
        Router router = map("wlb.set", VYOS).router();
        StaticRoute first = tableRoute(router, 201);
        assertEquals(RouteKind.NEXT_HOP, first.kind());
        assertEquals(ip("203.0.113.1"), first.nextHop());
        assertEquals(ip("0.0.0.0/0"), first.prefix());
        StaticRoute dhcp = tableRoute(router, 202);
        assertEquals(RouteKind.INTERFACE, dhcp.kind(), "a DHCP next hop is not known: out of the interface");
        assertEquals("eth1", dhcp.interfaceName());
    }

    @Test
    void disableSourceNatAndLocalTrafficAreRead() {
        MappedRouter mapped = map("wlb.set", VYOS + """
                set load-balancing wan disable-source-nat
                set load-balancing wan enable-local-traffic
                """);
        LoadBalanceGroup group = mapped.router().loadBalanceGroups().get(0);
        assertFalse(group.sourceNat());
        assertTrue(group.localTraffic());
        // the data path balances the router's own connections, so nothing is left unsupported
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
    }

    @Test
    void localTrafficRunsEveryRuleInOutputWithTheDaemonsInterfaceConditions() {
        Router router = map("wlb.set", VYOS + """
                set load-balancing wan enable-local-traffic
                """).router();
        List<OwnConnectionRule> own = router.ownConnectionBalancing();
        assertEquals(2, own.size(), own.toString());
        // the exclude keeps its addresses but drops its inbound interface
        OwnConnectionRule exclude = own.get(0);
        assertFalse(exclude.balances());
        assertEquals(InterfaceMatch.ANY, exclude.outbound());
        assertEquals("load-balancing wan rule 5", exclude.rule().path());
        assertEquals(PolicyRouteAction.ACCEPT, exclude.rule().action());
        // a balancing rule matches what does not leave by its inbound interface
        OwnConnectionRule balancing = own.get(1);
        assertTrue(balancing.balances());
        assertEquals(new InterfaceMatch(List.of("eth2"), true), balancing.outbound());
        assertEquals(router.loadBalanceGroups().get(0), balancing.group());
        assertTrue(map("wlb.set", VYOS).router().ownConnectionBalancing().isEmpty());
    }

    @Test
    void localTrafficOnVyos15IsReportedNotModelled() {
        MappedRouter mapped = map("wlb.set", VYOS + """
                set load-balancing wan enable-local-traffic
                """, Dialect.VYOS_1_5);
        assertTrue(mapped.router().ownConnectionBalancing().isEmpty());
        List<String> unsupported = messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX);
        assertEquals(1, unsupported.size(), unsupported.toString());
        assertTrue(unsupported.get(0).contains("for VyOS 1.5"), unsupported.get(0));
    }

    @Test
    void aRuleInterfaceWithoutHealthSettingsIsReportedAndLeftOut() {
        MappedRouter mapped = map("wlb.set", VYOS + """
                set load-balancing wan rule 20 inbound-interface 'eth2'
                set load-balancing wan rule 20 interface eth3
                set load-balancing wan rule 30 inbound-interface 'eth2'
                set load-balancing wan rule 30 interface eth0
                set load-balancing wan rule 30 limit rate '5'
                """);
        assertEquals(1, messages(mapped, DiagnosticCodes.INVALID_VALUE).size());
        List<String> unsupported = messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX);
        assertEquals(1, unsupported.size(), unsupported.toString());
        assertTrue(unsupported.get(0).contains("limit"), unsupported.get(0));
        // rule 20 balances among nothing: the daemon installs no rule for it
        assertEquals(3, mapped.router().policyRoutes().size());
    }

    @Test
    void otherLoadBalancingFamiliesAreNotAnalysed() {
        MappedRouter mapped = map("proxy.set", """
                set load-balancing reverse-proxy service web port '80'
                """);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertEquals(1, messages(mapped, DiagnosticCodes.NOT_ANALYSED).size());
        assertTrue(mapped.router().loadBalanceGroups().isEmpty());
    }

    private static final String EDGEOS = """
            set interfaces ethernet eth0 address '203.0.113.2/24'
            set interfaces ethernet eth1 address 'dhcp'
            set interfaces ethernet eth2 address '192.168.10.1/24'
            set interfaces ethernet eth2 firewall in modify 'balance'
            set firewall modify balance rule 10 action 'modify'
            set firewall modify balance rule 10 destination address '10.20.0.0/16'
            set firewall modify balance rule 10 modify table 'main'
            set firewall modify balance rule 70 action 'modify'
            set firewall modify balance rule 70 modify lb-group 'G'
            set load-balance group G interface eth0 weight '3'
            set load-balance group G interface eth0 route-test type ping target '8.8.8.8'
            set load-balance group G interface eth1 failover-only
            set load-balance group G lb-local 'enable'
            set load-balance group G lb-local-metric-change 'disable'
            set load-balance group G flush-on-active 'enable'
            set load-balance group G exclude-local-dns 'disable'
            set load-balance group G gateway-update-interval '20'
            """;

    @Test
    void edgeosModifyLbGroupSendsToTheGroup() {
        MappedRouter mapped = map("er.set", EDGEOS, Dialect.EDGEOS);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        Router router = mapped.router();
        PolicyRoute balance = router.policyRoutes().get(0);
        assertEquals(List.of("eth2"), balance.interfaces());
        PolicyRouteRule toGroup = balance.rules().get(1);
        assertEquals(PolicyRouteAction.LOAD_BALANCE, toGroup.action());
        LoadBalanceGroup group = router.loadBalanceGroupOf(toGroup).orElseThrow();
        assertEquals("G", group.name());
        assertFalse(group.sourceNat(), "EdgeOS adds no source NAT of its own");
        assertTrue(group.localTraffic());
        assertEquals(
                List.of(
                        new LoadBalancedWan("eth0", 3, false, 201, null),
                        new LoadBalancedWan("eth1", 1, true, 202, null)),
                group.wans());
        assertEquals("eth1", tableRoute(router, 202).interfaceName());
    }

    @Test
    void edgeosLbLocalBalancesEveryOwnConnectionOverTheGroup() {
        Router router = map("er.set", EDGEOS, Dialect.EDGEOS).router();
        List<OwnConnectionRule> own = router.ownConnectionBalancing();
        assertEquals(1, own.size(), "the modify ruleset's table-main exclusion runs in PREROUTING only");
        assertEquals(InterfaceMatch.ANY, own.get(0).outbound());
        assertEquals(PacketMatch.ANY, own.get(0).rule().match());
        assertEquals("G", own.get(0).group().name());
        assertEquals("load-balance group G lb-local", own.get(0).rule().path());
    }

    @Test
    void edgeosExcludeLocalDnsLeavesTheRoutersQueriesAlone() {
        String excluding = EDGEOS.replace("exclude-local-dns 'disable'", "exclude-local-dns 'enable'");
        List<OwnConnectionRule> own =
                map("er.set", excluding, Dialect.EDGEOS).router().ownConnectionBalancing();
        assertEquals(2, own.size());
        assertFalse(own.get(0).balances());
        assertEquals(
                ProtocolMatch.of(ProtocolMatch.UDP, ProtocolMatch.TCP),
                own.get(0).rule().match().protocol());
        assertTrue(own.get(1).balances());
    }

    @Test
    void edgeosSecondLbLocalGroupIsReported() {
        MappedRouter mapped = map("er.set", EDGEOS + """
                set load-balance group H interface eth1
                set load-balance group H lb-local 'enable'
                """, Dialect.EDGEOS);
        List<String> unsupported = messages(mapped, DiagnosticCodes.UNSUPPORTED_SYNTAX);
        assertEquals(1, unsupported.size(), unsupported.toString());
        assertTrue(unsupported.get(0).contains("load-balance group H lb-local"), unsupported.get(0));
        assertEquals(
                "G", mapped.router().ownConnectionBalancing().get(0).group().name());
    }

    @Test
    void edgeosInterfaceWithItsOwnTableUsesIt() {
        Router router = map("er.set", EDGEOS + """
                                set load-balance group G interface eth1 route table '1'
                                set protocols static table 1 interface-route 0.0.0.0/0 next-hop-interface eth1
                                """, Dialect.EDGEOS).router();
        LoadBalancedWan own = router.loadBalanceGroups().get(0).wans().get(1);
        assertEquals(1, own.table());
        assertNull(router.routes().stream()
                .filter(r -> r.table() == 202)
                .findFirst()
                .orElse(null));
    }

    private static StaticRoute tableRoute(Router router, int table) {
        return router.routes().stream()
                .filter(r -> r.table() == table)
                .findFirst()
                .orElseThrow();
    }
}
