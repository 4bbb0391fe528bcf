package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;
import static org.vpnlint.parser.dialect.Mapping.range;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.Router;

/** An EdgeRouter with PPPoE, service nat, a policy-based tunnel and auto-firewall-nat-exclude. */
class EdgeosMappingTest {

    private static final String EDGE = """
            firewall {
                all-ping enable
                broadcast-ping disable
                group {
                    network-group REMOTE_NETS {
                        description "office networks"
                        network 10.50.0.0/16
                        network 10.60.0.0/16
                    }
                }
                name WAN_IN {
                    default-action drop
                    description "WAN to internal"
                    rule 10 {
                        action accept
                        description "Allow established/related"
                        state {
                            established enable
                            related enable
                        }
                    }
                    rule 20 {
                        action drop
                        state {
                            invalid enable
                        }
                    }
                }
                name WAN_LOCAL {
                    default-action drop
                    rule 10 {
                        action accept
                        state {
                            established enable
                            related enable
                        }
                    }
                    rule 30 {
                        action accept
                        destination {
                            port 500,4500
                        }
                        log disable
                        protocol udp
                    }
                    rule 40 {
                        action accept
                        protocol esp
                    }
                }
            }
            interfaces {
                ethernet eth0 {
                    description Internet
                    duplex auto
                    pppoe 0 {
                        default-route auto
                        firewall {
                            in {
                                name WAN_IN
                            }
                            local {
                                name WAN_LOCAL
                            }
                        }
                        mtu 1492
                        name-server auto
                        password pppoe-password-123
                        user-id user@isp.example
                    }
                    speed auto
                }
                ethernet eth1 {
                    address 192.168.1.1/24
                    duplex auto
                    speed auto
                }
                loopback lo {
                }
                switch switch0 {
                    address 192.168.2.1/24
                    mtu 1500
                    switch-port {
                        interface eth2 {
                        }
                        vlan-aware disable
                    }
                }
            }
            service {
                gui {
                    http-port 80
                    https-port 443
                }
                nat {
                    rule 1 {
                        description "https to the NAS"
                        destination {
                            port 443
                        }
                        inbound-interface pppoe0
                        inside-address {
                            address 192.168.1.10
                            port 8443
                        }
                        protocol tcp
                        type destination
                    }
                    rule 4000 {
                        description "no NAT into the tunnel"
                        destination {
                            group {
                                network-group REMOTE_NETS
                            }
                        }
                        exclude
                        outbound-interface pppoe0
                        type source
                    }
                    rule 5010 {
                        description "masquerade for WAN"
                        outbound-interface pppoe0
                        type masquerade
                    }
                }
                ssh {
                    port 22
                }
            }
            system {
                host-name ubnt
                login {
                    user ubnt {
                        authentication {
                            encrypted-password $5$abcdefgh$ijklmnop
                        }
                    }
                }
            }
            vpn {
                ipsec {
                    auto-firewall-nat-exclude enable
                    esp-group FOO0 {
                        compression disable
                        lifetime 3600
                        mode tunnel
                        pfs enable
                        proposal 1 {
                            encryption aes128
                            hash sha1
                        }
                    }
                    ike-group FOO0 {
                        dead-peer-detection {
                            action restart
                            interval 15
                            timeout 30
                        }
                        ikev2-reauth no
                        key-exchange ikev1
                        lifetime 28800
                        proposal 1 {
                            dh-group 14
                            encryption aes128
                            hash sha1
                        }
                    }
                    ipsec-interfaces {
                        interface pppoe0
                    }
                    nat-traversal enable
                    site-to-site {
                        peer 203.0.113.50 {
                            authentication {
                                mode pre-shared-secret
                                pre-shared-secret "edge secret!"
                            }
                            connection-type initiate
                            description office
                            ike-group FOO0
                            local-address any
                            tunnel 1 {
                                allow-nat-networks disable
                                allow-public-networks disable
                                esp-group FOO0
                                local {
                                    prefix 192.168.1.0/24
                                }
                                remote {
                                    prefix 10.50.0.0/16
                                }
                            }
                        }
                    }
                }
            }


            /* Warning: Do not remove the following line. */
            /* === vyatta-config-version: "config-management@1:conntrack@1:cron@1:dhcp-relay@1:dhcp-server@4:firewall@5:ipsec@5:nat@3:qos@1:quagga@2:suspend@1:system@4:ubnt-pptp@1:ubnt-udapi-server@1:ubnt-unms@2:ubnt-util@1:vrrp@1:vyatta-netflow@1:webgui@1:webproxy@1:zone-policy@1" === */
            /* Release version: v2.0.9-hotfix.7.5622731.230615.0857 */
            """;

    private static final MappedRouter MAPPED = map("config.boot", EDGE);
    private static final Router ROUTER = MAPPED.router();

    @Test
    void theUbntFooterMakesItEdgeos() {
        assertEquals(Dialect.EDGEOS, MAPPED.dialect());
        assertEquals(
                List.of("read as EdgeOS: the version footer has ubnt-* components"),
                messages(MAPPED, DiagnosticCodes.DIALECT));
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.INVALID_VALUE));
        assertEquals("ubnt", ROUTER.name());
    }

    @Test
    void pppoeSessionOfEth0IsInterfacePppoe0WithADynamicAddressAndTheDefaultRoute() {
        NetInterface pppoe0 = ROUTER.findInterface("pppoe0").orElseThrow();
        assertEquals(InterfaceKind.PPPOE, pppoe0.kind());
        assertTrue(pppoe0.dynamicAddress());
        assertTrue(pppoe0.providesDefaultRoute());
        assertEquals(List.of(), pppoe0.addresses());
        assertEquals(
                InterfaceKind.SWITCH,
                ROUTER.findInterface("switch0").orElseThrow().kind());
        assertEquals(
                InterfaceKind.LOOPBACK, ROUTER.findInterface("lo").orElseThrow().kind());
    }

    @Test
    void masqueradeAndItsExcludeAreSourceRulesInNumberOrder() {
        List<NatRule> source = ROUTER.nat().sourceRules();
        assertEquals(List.of(4000, 5010), source.stream().map(NatRule::number).toList());
        NatRule exclude = source.get(0);
        assertEquals(NatTranslation.EXCLUDE, exclude.translation());
        assertTrue(exclude.match().destination().matches(ip("10.60.1.1")));
        assertFalse(exclude.match().destination().matches(ip("10.70.1.1")));
        NatRule masquerade = source.get(1);
        assertEquals(NatTranslation.MASQUERADE, masquerade.translation());
        assertEquals(InterfaceMatch.of("pppoe0"), masquerade.interfaceMatch());
        assertEquals("service nat rule 5010", masquerade.path());
        assertEquals("masquerade for WAN", masquerade.description());
    }

    @Test
    void destinationRuleTranslatesToTheInsideAddress() {
        NatRule dnat = ROUTER.nat().destinationRules().get(0);
        assertEquals(InterfaceMatch.of("pppoe0"), dnat.interfaceMatch());
        assertTrue(dnat.match().destinationPort().matches(443));
        assertEquals(ip("192.168.1.10").toSequentialRange(), dnat.translation().addresses());
        assertEquals(PortRange.of(8443), dnat.translation().port());
    }

    @Test
    void rulesetsAttachedToPppoe0BecomeJumpsAndTheirAcceptReturns() {
        FirewallRule in = ROUTER.firewall().ipv4().forward().rules().get(0);
        assertEquals(FirewallAction.JUMP, in.action());
        assertEquals("WAN_IN", in.jumpTarget());
        assertEquals(InterfaceMatch.of("pppoe0"), in.inbound());
        FirewallRule local = ROUTER.firewall().ipv4().input().rules().get(0);
        assertEquals("WAN_LOCAL", local.jumpTarget());
        FirewallChain wanIn = ROUTER.firewall().ipv4().named().get("WAN_IN");
        assertEquals(FirewallAction.RETURN, wanIn.rules().get(0).action());
        assertEquals(
                Set.of(ConnectionState.ESTABLISHED, ConnectionState.RELATED),
                wanIn.rules().get(0).states());
        assertEquals(FirewallAction.DROP, wanIn.defaultAction());
    }

    @Test
    void ipsecWithAutoFirewallNatExcludeAndNatTraversal() {
        assertTrue(ROUTER.ipsec().autoFirewallNatExclude());
        assertEquals(Boolean.TRUE, ROUTER.ipsec().natTraversal());
        assertEquals(List.of("pppoe0"), ROUTER.ipsec().ikeInterfaces());
        var peer = ROUTER.ipsec().peers().get(0);
        assertEquals(ConnectionType.INITIATE, peer.connectionType());
        assertEquals("any", peer.localAddress());
        assertEquals(
                List.of("%any", "203.0.113.50"),
                ROUTER.ipsec().presharedKeys().get(0).ids());
        var dpd = ROUTER.ipsec().ikeGroups().get("FOO0").deadPeerDetection();
        assertEquals(DpdAction.RESTART, dpd.action());
        assertEquals(15, dpd.intervalSeconds());
        assertEquals(30, dpd.timeoutSeconds());
        assertEquals(1, ROUTER.ipsec().ikeGroups().get("FOO0").ikeVersion());
        assertEquals(
                "aes128",
                ROUTER.ipsec().espGroups().get("FOO0").proposals().get(0).encryption());
    }

    @Test
    void noSecretOfTheFileReachesTheModelOrADiagnostic() {
        String everything = ROUTER + MAPPED.diagnostics().toString();
        assertFalse(everything.contains("edge secret"));
        assertFalse(everything.contains("pppoe-password-123"));
        assertFalse(everything.contains("$5$abcdefgh"));
    }

    @Test
    void sourceRuleTranslatesToTheOutsideAddress() {
        MappedRouter mapped = map("er.boot", """
                service {
                    nat {
                        rule 5000 {
                            outbound-interface eth0
                            outside-address {
                                address 198.51.100.20-198.51.100.29
                            }
                            source {
                                address 192.168.1.0/24
                            }
                            type source
                        }
                    }
                }
                """);
        assertEquals(Dialect.EDGEOS, mapped.dialect());
        NatRule rule = mapped.router().nat().sourceRules().get(0);
        assertEquals(range("198.51.100.20", "198.51.100.29"), rule.translation().addresses());
        assertTrue(rule.match().source().matches(ip("192.168.1.77")));
    }
}
