package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.prefixRange;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PskEntry;
import org.vpnlint.model.Router;

/** The configurations of seeds/ipsec-and-nat-articles.txt, mapped to the model. */
class SeedArticleMappingTest {

    private static final String SNAT_WITH_EXCLUDE = """
            vyos@vyos# show vpn ipsec site-to-site
             peer 192.0.2.150 {
                 tunnel 1 {
                     local {
                         prefix 192.168.10.0/24
                     }
                     remote {
                         prefix 10.10.10.0/24
                     }
                 }
             }

            vyos@VyOS-AMI# show nat source
            rule 5 {
                outbound-interface eth0
                destination {
                    address 10.10.10.0/24
                }
                exclude
            }
             rule 10 {
                 outbound-interface eth0
                 source {
                     address 192.168.10.0/24
                 }
                 translation {
                     address 203.0.113.134
                 }
             }
            """;

    @Test
    void snatRuleTranslatesTheLanToThePublicAddress() {
        Router router = map("snat.txt", SNAT_WITH_EXCLUDE).router();
        NatRule rule10 = router.nat().sourceRules().get(1);
        assertEquals(10, rule10.number());
        assertEquals(NatDirection.SOURCE, rule10.direction());
        assertEquals(InterfaceMatch.of("eth0"), rule10.interfaceMatch());
        assertEquals(
                List.of(prefixRange("192.168.10.0/24")), rule10.match().source().ranges());
        assertTrue(rule10.match().destination().isAny());
        assertEquals(NatTranslation.Kind.ADDRESS, rule10.translation().kind());
        assertEquals(
                ip("203.0.113.134").toSequentialRange(), rule10.translation().addresses());
        assertNull(rule10.translation().prefixMapLength());
        assertEquals("nat source rule 10", rule10.path());
    }

    @Test
    void excludeRuleFiveComesFirstAndMatchesTheRemoteNetwork() {
        Router router = map("snat.txt", SNAT_WITH_EXCLUDE).router();
        NatRule rule5 = router.nat().sourceRules().get(0);
        assertEquals(5, rule5.number());
        assertEquals(NatTranslation.EXCLUDE, rule5.translation());
        assertTrue(rule5.match().destination().matches(ip("10.10.10.200")));
        assertFalse(rule5.match().destination().matches(ip("10.10.11.1")));
    }

    @Test
    void theTunnelSelectorsAreThePrefixes() {
        MappedRouter mapped = map("snat.txt", SNAT_WITH_EXCLUDE);
        IpsecTunnel tunnel = mapped.router().ipsec().peers().get(0).tunnels().get(0);
        assertEquals(1, tunnel.number());
        assertEquals(List.of(ip("192.168.10.0/24")), tunnel.localPrefixes());
        assertEquals(List.of(ip("10.10.10.0/24")), tunnel.remotePrefixes());
        assertEquals(
                List.of("192.0.2.150"), mapped.router().ipsec().peers().get(0).remoteAddresses());
        assertEquals(Dialect.VYOS_1_3, mapped.dialect());
    }

    @Test
    void natIntoTheTunnelIsASourceAndADestinationRuleOnAnyInterface() {
        Router router = map("nat-into-tunnel.txt", """
                nat {
                    source {
                        rule 10 {
                            outbound-interface any
                            destination {
                                address 10.10.10.55
                            }
                            source { address 192.168.10.45 }
                            translation { address 172.16.17.45 }
                        }
                    }
                    destination {
                        rule 10 {
                            destination { address 172.16.17.45 }
                            inbound-interface any
                            translation { address 192.168.10.45 }
                        }
                    }
                }
                """).router();
        NatRule snat = router.nat().sourceRules().get(0);
        assertTrue(snat.interfaceMatch().isAny());
        assertTrue(snat.match().source().matches(ip("192.168.10.45")));
        assertTrue(snat.match().destination().matches(ip("10.10.10.55")));
        assertEquals(ip("172.16.17.45").toSequentialRange(), snat.translation().addresses());
        NatRule dnat = router.nat().destinationRules().get(0);
        assertEquals(NatDirection.DESTINATION, dnat.direction());
        assertTrue(dnat.interfaceMatch().isAny());
        assertTrue(dnat.match().destination().matches(ip("172.16.17.45")));
        assertEquals(ip("192.168.10.45").toSequentialRange(), dnat.translation().addresses());
    }

    @Test
    void canonicalGreOverIpsecHasAProtocolSelectorAndNoPrefixes() {
        MappedRouter mapped = map("gre-canonical.conf", """
                interfaces {
                  tunnel tun0 {
                    address 10.0.0.2/29
                    local-ip 192.0.2.10
                    remote-ip 203.0.113.20
                    encapsulation gre
                  }
                }
                vpn {
                  ipsec {
                    site-to-site {
                      peer 203.0.113.20 {
                        tunnel 1 {
                          protocol gre
                        }
                        local-address 192.0.2.10
                      }
                    }
                  }
                }
                """);
        IpsecPeer peer = mapped.router().ipsec().peers().get(0);
        IpsecTunnel tunnel = peer.tunnels().get(0);
        assertEquals(47, tunnel.protocol());
        assertEquals(List.of(), tunnel.localPrefixes());
        assertEquals(List.of(), tunnel.remotePrefixes());
        assertEquals("192.0.2.10", peer.localAddress());
        NetInterface tun0 = mapped.router().findInterface("tun0").orElseThrow();
        assertEquals(InterfaceKind.TUNNEL, tun0.kind());
        assertEquals("gre", tun0.tunnel().encapsulation());
        assertEquals(ip("192.0.2.10"), tun0.tunnel().localAddress());
        assertEquals(ip("203.0.113.20"), tun0.tunnel().remoteAddress());
        assertEquals(47, tun0.tunnel().outerProtocol());
        assertEquals(List.of(ip("10.0.0.2/29")), tun0.addresses());
        assertEquals(Dialect.VYOS_1_2, mapped.dialect(), "local-ip is the 1.2 spelling");
    }

    @Test
    void greBetweenDummyAddressesIsProtectedByHostSelectorsOfAnIdPeer() {
        Router router = map("gre-dummy.conf", """
                interfaces {
                  dummy dum0 {
                    address 10.10.0.1/32
                  }
                  tunnel tun0 {
                    address 10.0.0.1/29
                    local-ip 10.10.0.1
                    remote-ip 10.10.0.2
                    encapsulation gre
                  }
                }
                vpn {
                  ipsec {
                    site-to-site {
                      peer @west {
                        connection-type respond
                        tunnel 1 {
                          local {
                            prefix 10.10.0.1/32
                          }
                          remote {
                            prefix 10.10.0.2/32
                          }
                        }
                      }
                    }
                  }
                }
                """).router();
        NetInterface dum0 = router.findInterface("dum0").orElseThrow();
        assertEquals(InterfaceKind.DUMMY, dum0.kind());
        assertEquals(List.of(ip("10.10.0.1/32")), dum0.addresses());
        assertEquals(
                ip("10.10.0.1"),
                router.findInterface("tun0").orElseThrow().tunnel().localAddress());
        IpsecPeer west = router.ipsec().peers().get(0);
        assertEquals("@west", west.name());
        assertEquals(List.of(), west.remoteAddresses(), "an @id peer is accepted from any address");
        assertEquals("@west", west.remoteId());
        assertEquals(ConnectionType.RESPOND, west.connectionType());
        IpsecTunnel tunnel = west.tunnels().get(0);
        assertEquals(List.of(ip("10.10.0.1/32")), tunnel.localPrefixes());
        assertEquals(List.of(ip("10.10.0.2/32")), tunnel.remotePrefixes());
        assertNull(tunnel.protocol());
    }

    private static final String NON_NATED_SIDE = """
            vpn {
              ipsec {
                site-to-site {
                   peer @foo {
                     authentication {
                         mode pre-shared-secret
                         pre-shared-secret qwerty
                     }
                     default-esp-group Foo
                     ike-group Foo
                     local-address 203.0.113.1
                     tunnel 1 {
                         local {
                             prefix 10.103.0.0/24
                         }
                         remote {
                             prefix 10.104.0.0/24
                         }
                     }
                 }
                }
              }
            }
            """;

    private static final String NATED_SIDE = """
            vpn {
              ipsec {
                site-to-site {
                     peer 203.0.113.1 {
                         authentication {
                             id @foo
                             mode pre-shared-secret
                             pre-shared-secret qwerty
                         }
                         default-esp-group Foo
                         ike-group Foo
                         local-address any
                         tunnel 1 {
                             local {
                                 prefix 10.104.0.0/24
                             }
                             remote {
                                 prefix 10.103.0.0/24
                             }
                         }
                     }
                 }
              }
            }
            """;

    @Test
    void theNonNatedSideAcceptsTheIdFooFromAnyAddress() {
        Router east = map("non-nated.conf", NON_NATED_SIDE).router();
        IpsecPeer peer = east.ipsec().peers().get(0);
        assertEquals("@foo", peer.remoteId());
        assertNull(peer.localId());
        assertEquals("203.0.113.1", peer.localAddress());
        assertEquals(AuthenticationMode.PRE_SHARED_SECRET, peer.authenticationMode());
        assertEquals("Foo", peer.ikeGroup());
        assertEquals("Foo", peer.defaultEspGroup());
        PskEntry key = east.ipsec().presharedKeys().get(0);
        assertEquals("@foo", key.tag());
        assertEquals(List.of("203.0.113.1", "%any", "@foo"), key.ids());
    }

    @Test
    void theNatedSideSendsIdFooFromAnyLocalAddress() {
        Router west = map("nated.conf", NATED_SIDE).router();
        IpsecPeer peer = west.ipsec().peers().get(0);
        assertEquals("@foo", peer.localId());
        assertNull(peer.remoteId());
        assertEquals("any", peer.localAddress());
        assertEquals(List.of("203.0.113.1"), peer.remoteAddresses());
        assertEquals(
                List.of("%any", "203.0.113.1", "@foo"),
                west.ipsec().presharedKeys().get(0).ids());
    }

    @Test
    void bothSidesHoldTheSameKeyWithoutHoldingItsText() {
        Router east = map("non-nated.conf", NON_NATED_SIDE).router();
        Router west = map("nated.conf", NATED_SIDE).router();
        assertTrue(east.ipsec()
                .peers()
                .get(0)
                .presharedKey()
                .sameSecretAs(west.ipsec().peers().get(0).presharedKey()));
        assertFalse(east.toString().contains("qwerty"));
        assertFalse(west.toString().contains("qwerty"));
    }
}
