package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.map;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Approximation;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IcmpMatch;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.PolicyRouteRule;
import org.vpnlint.model.PortRange;

/** Conditions read exactly (ICMP types, TCP flags, service names) and the ones read wider, marked on their rule. */
class ApproximationMappingTest {

    private static List<FirewallRule> v6Input(String text) {
        return map("r14.set", text).router().firewall().ipv6().input().rules();
    }

    @Test
    void icmpv6TypeNamesAndNumbersAreReadExactly() {
        List<FirewallRule> rules = v6Input("""
                set firewall ipv6 input filter rule 20 action 'accept'
                set firewall ipv6 input filter rule 20 protocol 'ipv6-icmp'
                set firewall ipv6 input filter rule 20 icmpv6 type-name 'echo-request'
                set firewall ipv6 input filter rule 21 action 'accept'
                set firewall ipv6 input filter rule 21 protocol 'ipv6-icmp'
                set firewall ipv6 input filter rule 21 icmpv6 type '135'
                set firewall ipv6 input filter rule 21 icmpv6 code '0'
                """);
        assertEquals(
                new IcmpMatch(128, null, "icmpv6 type-name echo-request"),
                rules.get(0).match().details().icmp());
        assertEquals(
                new IcmpMatch(135, 0, "icmpv6 type 135 code 0"),
                rules.get(1).match().details().icmp());
        assertTrue(rules.get(0).approximations().isEmpty());
        assertTrue(rules.get(1).approximations().isEmpty());
    }

    @Test
    void legacyIcmpTypeCodeFormsAndTcpFlags() {
        List<FirewallRule> rules = map("r13.set", """
                set firewall name WAN_LOCAL default-action 'drop'
                set firewall name WAN_LOCAL rule 10 action 'accept'
                set firewall name WAN_LOCAL rule 10 protocol 'icmp'
                set firewall name WAN_LOCAL rule 10 icmp type-name 'port-unreachable'
                set firewall name WAN_LOCAL rule 11 action 'accept'
                set firewall name WAN_LOCAL rule 11 protocol 'icmp'
                set firewall name WAN_LOCAL rule 11 icmp type '3/4'
                set firewall name WAN_LOCAL rule 12 action 'drop'
                set firewall name WAN_LOCAL rule 12 protocol 'tcp'
                set firewall name WAN_LOCAL rule 12 tcp flags 'SYN,!ACK'
                set interfaces ethernet eth0 firewall local name 'WAN_LOCAL'
                """)
                .router()
                .firewall()
                .ipv4()
                .named()
                .get("WAN_LOCAL")
                .rules();
        assertEquals(
                new IcmpMatch(3, 3, "icmp type-name port-unreachable"),
                rules.get(0).match().details().icmp());
        assertEquals(3, rules.get(1).match().details().icmp().type());
        assertEquals(4, rules.get(1).match().details().icmp().code());
        assertEquals(Set.of("syn"), rules.get(2).match().details().tcpFlags().set());
        assertEquals(Set.of("ack"), rules.get(2).match().details().tcpFlags().cleared());
        rules.forEach(rule -> assertTrue(rule.approximations().isEmpty(), rule.path()));
        // the data path has no ICMP type or flags field: there the rules are read wider
        assertTrue(rules.get(2).datapathApproximations().get(0).wider());
    }

    @Test
    void vyos14TcpFlagsWithNot() {
        FirewallRule rule =
                map("r14.set", """
                set firewall ipv4 input filter rule 5 action 'drop'
                set firewall ipv4 input filter rule 5 protocol 'tcp'
                set firewall ipv4 input filter rule 5 tcp flags 'syn'
                set firewall ipv4 input filter rule 5 tcp flags not 'ack'
                """).router().firewall().ipv4().input().rules().get(0);
        assertEquals(Set.of("syn"), rule.match().details().tcpFlags().set());
        assertEquals(Set.of("ack"), rule.match().details().tcpFlags().cleared());
    }

    @Test
    void serviceNamesOfTheServicesDatabaseAreExact() {
        FirewallRule rule =
                map("r14.set", """
                set firewall ipv4 input filter rule 40 action 'accept'
                set firewall ipv4 input filter rule 40 protocol 'tcp_udp'
                set firewall ipv4 input filter rule 40 destination port 'domain,domain-s,mdns'
                """).router().firewall().ipv4().input().rules().get(0);
        assertEquals(
                List.of(PortRange.of(53), PortRange.of(853), PortRange.of(5353)),
                rule.match().destinationPort().ranges());
        assertTrue(rule.approximations().isEmpty());
    }

    @Test
    void droppedAndUnparsedConditionsMakeTheirRuleWider() {
        var mapped = map("r14.set", """
                set firewall ipv4 input filter rule 10 action 'accept'
                set firewall ipv4 input filter rule 10 protocol 'tcp'
                set firewall ipv4 input filter rule 10 limit rate '5/minute'
                set firewall ipv4 input filter rule 20 action 'accept'
                set firewall ipv4 input filter rule 20 destination port 'no-such-service'
                set firewall ipv4 input filter rule 30 action 'accept'
                set nat destination rule 5 inbound-interface name 'eth0'
                set nat destination rule 5 time startdate '2024-01-01'
                set nat destination rule 5 translation address '10.0.0.5'
                """);
        List<FirewallRule> rules = mapped.router().firewall().ipv4().input().rules();
        Approximation limit = rules.get(0).approximations().get(0);
        assertTrue(limit.wider());
        assertTrue(limit.reason().contains("limit"), limit.reason());
        assertTrue(rules.get(1).approximations().get(0).reason().contains("no-such-service"));
        assertTrue(rules.get(2).approximations().isEmpty());
        NatRule nat = mapped.router().nat().destinationRules().get(0);
        assertTrue(
                nat.approximations().get(0).reason().contains("time"),
                nat.approximations().toString());
    }

    @Test
    void anyIsNoCondition() {
        FirewallRule rule = map("r13.set", """
                set firewall name L rule 1 action 'accept'
                set firewall name L rule 1 protocol 'icmp'
                set firewall name L rule 1 icmp type-name 'any'
                set interfaces ethernet eth0 firewall local name 'L'
                """)
                .router()
                .firewall()
                .ipv4()
                .named()
                .get("L")
                .rules()
                .get(0);
        assertNull(rule.match().details().icmp());
    }

    private static List<String> described(PolicyRouteRule rule) {
        return rule.approximations().stream()
                .map(a -> a.direction() + " " + a.reason())
                .toList();
    }

    /** EdgeOS load balancing: a built-in group of an interface the file does not show, and a load-balancing group. */
    @Test
    void edgeosModifyRulesCarryWhatCouldNotBeRead() {
        List<PolicyRouteRule> rules = map("lb.boot", """
                        firewall {
                            modify balance {
                                rule 10 {
                                    action modify
                                    modify {
                                        table 1
                                    }
                                    source {
                                        address 192.168.170.0/24
                                    }
                                }
                                rule 20 {
                                    action modify
                                    destination {
                                        group {
                                            address-group ADDRv4_eth0
                                        }
                                    }
                                    modify {
                                        table main
                                    }
                                }
                                rule 70 {
                                    action modify
                                    modify {
                                        lb-group G
                                    }
                                }
                            }
                        }
                        interfaces {
                            ethernet eth1 {
                                firewall {
                                    in {
                                        modify balance
                                    }
                                }
                            }
                        }
                        """, Dialect.EDGEOS)
                .router()
                .policyRoutes()
                .get(0)
                .rules();
        assertEquals(List.of(), described(rules.get(0)));
        assertEquals(PolicyRouteAction.SET_TABLE, rules.get(1).action());
        assertEquals(
                List.of("WIDER 'firewall modify balance rule 20 destination group address-group ADDRv4_eth0': EdgeOS"
                        + " fills ADDRv4_eth0 at run time from eth0's IPv4 addresses, and this file does not show eth0;"
                        + " read as any address"),
                described(rules.get(1)));
        // load balancing is read (docs/semantics/wan-load-balancing.md): the rule balances, nothing is approximated
        assertEquals(PolicyRouteAction.LOAD_BALANCE, rules.get(2).action());
        assertEquals(List.of(), described(rules.get(2)));
        assertTrue(rules.get(2).steers());
    }

    /** VyOS: unsupported matches make a rule wider; a VRF, an unknown setting or a bad table leave its action unknown. */
    @Test
    void vyosPolicyRouteRulesCarryWhatCouldNotBeRead() {
        List<PolicyRouteRule> rules = map("pbr.set", """
                        set policy route PBR interface 'eth1'
                        set policy route PBR rule 10 set table '10'
                        set policy route PBR rule 10 source address '192.168.10.0/24'
                        set policy route PBR rule 10 state 'new'
                        set policy route PBR rule 20 set vrf 'BLUE'
                        set policy route PBR rule 30 set table '10'
                        set policy route PBR rule 30 set frobnicate '1'
                        set policy route PBR rule 40 set table 'ten'
                        set policy route PBR rule 50 set mark '5'
                        set policy route PBR rule 50 limit rate '5/second'
                        set policy route PBR rule 60 set table '20'
                        set policy route PBR rule 60 destination port '443'
                        set policy route PBR rule 60 protocol 'tcp'
                        """, Dialect.VYOS_1_4)
                .router()
                .policyRoutes()
                .get(0)
                .rules();
        assertEquals(List.of("WIDER 'policy route PBR rule 10 state' could not be read"), described(rules.get(0)));
        assertEquals(PolicyRouteAction.SET_TABLE, rules.get(0).action());
        assertEquals(PolicyRouteAction.UNKNOWN, rules.get(1).action());
        assertEquals(
                List.of("UNKNOWN_ACTION 'policy route PBR rule 20 set vrf' could not be read"),
                described(rules.get(1)));
        // a table was read, but what else the rule does was not
        assertEquals(PolicyRouteAction.SET_TABLE, rules.get(2).action());
        assertEquals(
                List.of("UNKNOWN_ACTION 'policy route PBR rule 30 set frobnicate' could not be read"),
                described(rules.get(2)));
        assertEquals(PolicyRouteAction.UNKNOWN, rules.get(3).action());
        assertEquals(
                List.of("UNKNOWN_ACTION 'policy route PBR rule 40 set table ten' is not a routing table"),
                described(rules.get(3)));
        assertEquals(PolicyRouteAction.SET_MARK, rules.get(4).action());
        assertEquals(List.of("WIDER 'policy route PBR rule 50 limit' could not be read"), described(rules.get(4)));
        assertEquals(List.of(), described(rules.get(5)));
    }
}
