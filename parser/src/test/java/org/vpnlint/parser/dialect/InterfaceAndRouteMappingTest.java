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
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;

/** Interfaces and static routes in the 1.2/1.3 spellings, and the 1.3+ tunnel/PPPoE ones. */
class InterfaceAndRouteMappingTest {

    private static final MappedRouter MAPPED = map("edge-13.conf", """
            interfaces {
                bonding bond0 {
                    address 10.1.0.1/24
                    member {
                        interface eth2
                        interface eth3
                    }
                    vif 100 {
                        address 10.100.0.1/24
                    }
                }
                ethernet eth0 {
                    address dhcp
                    dhcp-options {
                        no-default-route
                    }
                }
                ethernet eth1 {
                    address dhcp
                    address dhcpv6
                    disable
                }
                ethernet eth4 {
                    vif-s 200 {
                        vif-c 30 {
                            address 10.230.0.1/24
                        }
                    }
                }
                loopback lo {
                    address 10.255.255.1/32
                }
                pppoe pppoe0 {
                    authentication {
                        password isp-pass
                        user user@isp
                    }
                    source-interface eth5
                }
                tunnel tun1 {
                    encapsulation gre
                    source-interface eth0
                    remote 198.51.100.9
                }
                tunnel tun2 {
                    encapsulation ip6ip6
                    source-address 2001:db8::1
                    remote 2001:db8::2
                }
            }
            protocols {
                static {
                    interface-route 10.40.0.0/16 {
                        next-hop-interface tun1 {
                            distance 10
                        }
                    }
                    route 10.40.0.0/16 {
                        blackhole {
                            distance 250
                        }
                    }
                    route 0.0.0.0/0 {
                        next-hop 10.1.0.254 {
                        }
                        next-hop 10.1.0.253 {
                            disable
                        }
                    }
                    table 10 {
                        route 0.0.0.0/0 {
                            next-hop 10.1.0.250 {
                            }
                        }
                    }
                }
            }
            // vyos-config-version: "interfaces@22:ipsec@5:nat@5:quagga@8"
            """);
    private static final Router ROUTER = MAPPED.router();

    private static NetInterface iface(String name) {
        return ROUTER.findInterface(name).orElseThrow();
    }

    @Test
    void dhcpWithNoDefaultRouteIsDynamicWithoutTheDefaultRoute() {
        assertTrue(iface("eth0").dynamicAddress());
        assertFalse(iface("eth0").providesDefaultRoute());
        assertEquals(List.of(), iface("eth0").addresses());
    }

    @Test
    void plainDhcpProvidesTheDefaultRouteAndDisableIsKept() {
        assertTrue(iface("eth1").providesDefaultRoute());
        assertTrue(iface("eth1").disabled());
    }

    @Test
    void bondingVlansAndQinqGetTheirLinuxNames() {
        assertEquals(InterfaceKind.BONDING, iface("bond0").kind());
        assertEquals(List.of(ip("10.100.0.1/24")), iface("bond0.100").addresses());
        assertEquals(InterfaceKind.VLAN, iface("eth4.200.30").kind());
        assertEquals(List.of(ip("10.230.0.1/24")), iface("eth4.200.30").addresses());
    }

    @Test
    void pppoeInterfaceOf13IsDynamicWithTheDefaultRoute() {
        assertEquals(InterfaceKind.PPPOE, iface("pppoe0").kind());
        assertTrue(iface("pppoe0").providesDefaultRoute());
        assertFalse(MAPPED.diagnostics().toString().contains("isp-pass"));
    }

    @Test
    void tunnelsWithSourceInterfaceAndIpv6Endpoints() {
        var gre = iface("tun1").tunnel();
        assertNull(gre.localAddress());
        assertEquals("eth0", gre.sourceInterface());
        assertEquals(ip("198.51.100.9"), gre.remoteAddress());
        var v6 = iface("tun2").tunnel();
        assertEquals(ip("2001:db8::1"), v6.localAddress());
        assertEquals(41, v6.outerProtocol());
    }

    @Test
    void interfaceRouteBlackholeAndEnabledNextHopsOnly() {
        List<StaticRoute> routes =
                ROUTER.routes().stream().filter(r -> r.table() == 254).toList();
        assertEquals(3, routes.size(), routes::toString);
        StaticRoute blackhole = routes.get(0);
        assertEquals(RouteKind.BLACKHOLE, blackhole.kind());
        assertEquals(250, blackhole.distance());
        StaticRoute viaGateway = routes.get(1);
        assertEquals(ip("10.1.0.254"), viaGateway.nextHop());
        assertEquals(1, viaGateway.distance());
        StaticRoute viaTunnel = routes.get(2);
        assertEquals(RouteKind.INTERFACE, viaTunnel.kind());
        assertEquals("tun1", viaTunnel.interfaceName());
        assertEquals(10, viaTunnel.distance());
        assertEquals(ip("10.40.0.0/16"), viaTunnel.prefix());
    }

    @Test
    void policyRoutingTablesAreRead() {
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        StaticRoute inTable = ROUTER.routes().stream()
                .filter(r -> r.table() == 10)
                .findFirst()
                .orElseThrow();
        assertEquals(ip("10.1.0.250"), inTable.nextHop());
    }

    @Test
    void pppoeUnderEthernetWithDefaultRouteNoneInstallsNoDefaultRoute() {
        Router router = map("r12.set", """
                set interfaces ethernet eth0 pppoe 0 default-route 'none'
                set interfaces ethernet eth0 pppoe 0 user-id 'me'
                set interfaces ethernet eth0 vif 7 pppoe 1 user-id 'me'
                """).router();
        NetInterface pppoe0 = router.findInterface("pppoe0").orElseThrow();
        assertTrue(pppoe0.dynamicAddress());
        assertFalse(pppoe0.providesDefaultRoute());
        assertTrue(router.findInterface("pppoe1").orElseThrow().providesDefaultRoute());
        assertEquals(
                InterfaceKind.VLAN, router.findInterface("eth0.7").orElseThrow().kind());
    }
}
