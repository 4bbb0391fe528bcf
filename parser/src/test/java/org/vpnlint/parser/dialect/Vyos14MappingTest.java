package org.vpnlint.parser.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.parser.dialect.Mapping.ip;
import static org.vpnlint.parser.dialect.Mapping.map;
import static org.vpnlint.parser.dialect.Mapping.messages;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.CloseAction;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecMatch;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.PortRange;
import org.vpnlint.model.PresharedKey;
import org.vpnlint.model.PskEntry;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.StaticRoute;

/** A VyOS 1.4 router written as `show configuration commands`. */
class Vyos14MappingTest {

    private static final String HQ = """
            set interfaces ethernet eth0 address '198.51.100.2/24'
            set interfaces ethernet eth0 description 'WAN'
            set interfaces ethernet eth1 address '192.168.10.1/24'
            set interfaces ethernet eth1 address '2001:db8:10::1/64'
            set interfaces ethernet eth1 vif 20 address '192.168.20.1/24'
            set interfaces dummy dum0 address '10.255.0.1/32'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 source-address '10.255.0.1'
            set interfaces tunnel tun0 remote '10.255.0.2'
            set interfaces tunnel tun0 address '172.16.0.1/30'
            set interfaces tunnel tun0 parameters ip key '10'
            set interfaces vti vti1 address '10.99.0.1/30'
            set nat source rule 100 outbound-interface name 'eth0'
            set nat source rule 100 source address '192.168.10.0/24'
            set nat source rule 100 translation address 'masquerade'
            set nat source rule 90 outbound-interface name 'eth0'
            set nat source rule 90 destination address '10.20.0.0/16'
            set nat source rule 90 exclude
            set nat destination rule 10 inbound-interface name 'eth0'
            set nat destination rule 10 protocol 'tcp'
            set nat destination rule 10 destination port '2222'
            set nat destination rule 10 translation address '192.168.10.20'
            set nat destination rule 10 translation port '22'
            set nat static rule 5 destination address '198.51.100.10'
            set nat static rule 5 inbound-interface 'eth0'
            set nat static rule 5 translation address '192.168.10.10'
            set protocols static route 10.20.0.0/16 blackhole distance '254'
            set protocols static route 0.0.0.0/0 next-hop 198.51.100.1
            set protocols static route 10.30.0.0/16 interface vti1
            set protocols static route6 ::/0 next-hop 2001:db8::1
            set protocols bgp system-as 65001
            set protocols bgp neighbor 10.99.0.2 remote-as 65002
            set firewall ipv4 forward filter default-action 'accept'
            set firewall ipv4 forward filter rule 10 action 'jump'
            set firewall ipv4 forward filter rule 10 jump-target 'WAN_IN'
            set firewall ipv4 forward filter rule 10 inbound-interface name 'eth0'
            set firewall ipv4 name WAN_IN default-action 'drop'
            set firewall ipv4 name WAN_IN rule 10 action 'accept'
            set firewall ipv4 name WAN_IN rule 10 state 'established'
            set firewall ipv4 name WAN_IN rule 10 state 'related'
            set firewall ipv4 name WAN_IN rule 20 action 'accept'
            set firewall ipv4 name WAN_IN rule 20 ipsec 'match-ipsec'
            set firewall ipv4 name WAN_IN rule 30 action 'return'
            set firewall ipv4 name WAN_IN rule 30 source address '!10.20.0.0/16'
            set firewall ipv4 input filter default-action 'drop'
            set firewall ipv4 input filter rule 10 action 'accept'
            set firewall ipv4 input filter rule 10 protocol 'udp'
            set firewall ipv4 input filter rule 10 destination port 'isakmp,ipsec-nat-t'
            set firewall ipv4 input filter rule 20 action 'accept'
            set firewall ipv4 input filter rule 20 protocol 'esp'
            set vpn ipsec interface 'eth0'
            set vpn ipsec options disable-route-autoinstall
            set vpn ipsec authentication psk office id '198.51.100.2'
            set vpn ipsec authentication psk office id 'branch.example.net'
            set vpn ipsec authentication psk office secret 'S3cr3t-Branch!'
            set vpn ipsec ike-group IKE key-exchange 'ikev2'
            set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE proposal 1 hash 'sha256'
            set vpn ipsec ike-group IKE proposal 1 dh-group '14'
            set vpn ipsec ike-group IKE dead-peer-detection action 'trap'
            set vpn ipsec ike-group IKE close-action 'start'
            set vpn ipsec ike-group IKE lifetime '28800'
            set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
            set vpn ipsec esp-group ESP proposal 1 hash 'sha256'
            set vpn ipsec esp-group ESP pfs 'dh-group14'
            set vpn ipsec esp-group ESP lifetime '3600'
            set vpn ipsec site-to-site peer branch authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer branch authentication local-id '198.51.100.2'
            set vpn ipsec site-to-site peer branch authentication remote-id 'branch.example.net'
            set vpn ipsec site-to-site peer branch remote-address '203.0.113.7'
            set vpn ipsec site-to-site peer branch remote-address '203.0.113.8'
            set vpn ipsec site-to-site peer branch local-address '198.51.100.2'
            set vpn ipsec site-to-site peer branch ike-group 'IKE'
            set vpn ipsec site-to-site peer branch default-esp-group 'ESP'
            set vpn ipsec site-to-site peer branch force-udp-encapsulation
            set vpn ipsec site-to-site peer branch tunnel 0 local prefix '192.168.10.0/24'
            set vpn ipsec site-to-site peer branch tunnel 0 local prefix '192.168.11.0/24'
            set vpn ipsec site-to-site peer branch tunnel 0 remote prefix '10.20.0.0/16'
            set vpn ipsec site-to-site peer cloud authentication mode 'pre-shared-secret'
            set vpn ipsec site-to-site peer cloud remote-address '192.0.2.99'
            set vpn ipsec site-to-site peer cloud local-address '198.51.100.2'
            set vpn ipsec site-to-site peer cloud ike-group 'IKE'
            set vpn ipsec site-to-site peer cloud vti bind 'vti1'
            set vpn ipsec site-to-site peer cloud vti esp-group 'ESP'
            set system host-name 'hq-gw'
            set system login user vyos authentication plaintext-password 'loginpw'
            set service ssh port '22'
            """;

    private static final MappedRouter MAPPED = map("hq.set", HQ);
    private static final Router ROUTER = MAPPED.router();

    @Test
    void isReadAsVyos14FromItsSyntaxWithoutWarnings() {
        assertEquals(Dialect.VYOS_1_4, MAPPED.dialect());
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.WRONG_VERSION_SYNTAX));
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.UNSUPPORTED_SYNTAX));
        assertEquals(List.of(), messages(MAPPED, DiagnosticCodes.INVALID_VALUE));
    }

    @Test
    void theHostNameNamesTheRouter() {
        assertEquals("hq-gw", ROUTER.name());
    }

    @Test
    void ignoredFamiliesGetOneNoteEach() {
        assertEquals(
                List.of(
                        "'protocols bgp' is not analysed by vpnlint",
                        "'system' is not analysed by vpnlint",
                        "'service ssh' is not analysed by vpnlint"),
                messages(MAPPED, DiagnosticCodes.NOT_ANALYSED));
    }

    @Test
    void peerTakesRemoteAddressesAndIdentitiesFromTheirOwnNodes() {
        IpsecPeer branch = ROUTER.ipsec().peers().get(0);
        assertEquals("branch", branch.name());
        assertEquals(List.of("203.0.113.7", "203.0.113.8"), branch.remoteAddresses());
        assertEquals("198.51.100.2", branch.localAddress());
        assertEquals("198.51.100.2", branch.localId());
        assertEquals("branch.example.net", branch.remoteId());
        assertTrue(branch.forceUdpEncapsulation());
        assertNull(branch.presharedKey(), "1.4 keys live in vpn ipsec authentication psk");
        assertNull(branch.connectionType());
    }

    @Test
    void tunnelPrefixesMayBeSeveral() {
        IpsecPeer branch = ROUTER.ipsec().peers().get(0);
        assertEquals(0, branch.tunnels().get(0).number());
        assertEquals(
                List.of(ip("192.168.10.0/24"), ip("192.168.11.0/24")),
                branch.tunnels().get(0).localPrefixes());
        assertEquals(List.of(ip("10.20.0.0/16")), branch.tunnels().get(0).remotePrefixes());
    }

    @Test
    void vtiPeerIsBoundToItsInterface() {
        IpsecPeer cloud = ROUTER.ipsec().peers().get(1);
        assertEquals("vti1", cloud.vtiInterface());
        assertEquals("ESP", cloud.vtiEspGroup());
        assertEquals(List.of(), cloud.tunnels());
        assertEquals(
                InterfaceKind.VTI, ROUTER.findInterface("vti1").orElseThrow().kind());
    }

    @Test
    void pskBlockKeepsItsIdsAndAFingerprint() {
        PskEntry office = ROUTER.ipsec().presharedKeys().get(0);
        assertEquals("office", office.tag());
        assertEquals(List.of("198.51.100.2", "branch.example.net"), office.ids());
        assertTrue(office.secret().sameSecretAs(PresharedKey.of("S3cr3t-Branch!")));
        assertFalse(ROUTER.toString().contains("S3cr3t"));
    }

    @Test
    void ikeGroupKeepsVersionProposalsAndActions() {
        IkeGroup ike = ROUTER.ipsec().ikeGroups().get("IKE");
        assertEquals(2, ike.ikeVersion());
        assertEquals("aes256", ike.proposals().get(0).encryption());
        assertEquals("14", ike.proposals().get(0).dhGroup());
        assertEquals(DpdAction.TRAP, ike.deadPeerDetection().action());
        assertEquals(30, ike.deadPeerDetection().intervalSeconds());
        assertEquals(CloseAction.START, ike.closeAction());
        assertEquals(28800, ike.lifetimeSeconds());
        assertEquals("dh-group14", ROUTER.ipsec().espGroups().get("ESP").pfs());
    }

    @Test
    void ikeInterfaceAndRouteAutoinstallOption() {
        assertEquals(List.of("eth0"), ROUTER.ipsec().ikeInterfaces());
        assertFalse(ROUTER.ipsec().routeAutoinstall());
    }

    @Test
    void outboundInterfaceNameAndMasquerade() {
        NatRule masquerade = ROUTER.nat().sourceRules().stream()
                .filter(r -> r.number() == 100)
                .findFirst()
                .orElseThrow();
        assertEquals(InterfaceMatch.of("eth0"), masquerade.interfaceMatch());
        assertEquals(NatTranslation.MASQUERADE, masquerade.translation());
        NatRule exclude = ROUTER.nat().sourceRules().stream()
                .filter(r -> r.number() == 90)
                .findFirst()
                .orElseThrow();
        assertEquals(NatTranslation.EXCLUDE, exclude.translation());
    }

    @Test
    void portForwardTranslatesAddressAndPort() {
        NatRule forward = ROUTER.nat().destinationRules().stream()
                .filter(r -> r.number() == 10)
                .findFirst()
                .orElseThrow();
        assertTrue(forward.match().protocol().matches(6));
        assertFalse(forward.match().protocol().matches(17));
        assertTrue(forward.match().destinationPort().matches(2222));
        assertEquals(
                ip("192.168.10.20").toSequentialRange(), forward.translation().addresses());
        assertEquals(PortRange.of(22), forward.translation().port());
    }

    @Test
    void staticNatBecomesADestinationAndASourceRule() {
        NatRule inbound = ROUTER.nat().destinationRules().get(0);
        assertEquals("nat static rule 5", inbound.path());
        assertTrue(inbound.match().destination().matches(ip("198.51.100.10")));
        assertEquals(
                ip("192.168.10.10").toSequentialRange(), inbound.translation().addresses());
        NatRule outbound = ROUTER.nat().sourceRules().get(0);
        assertEquals("nat static rule 5", outbound.path());
        assertEquals(InterfaceMatch.of("eth0"), outbound.interfaceMatch());
        assertTrue(outbound.match().source().matches(ip("192.168.10.10")));
        assertEquals(
                ip("198.51.100.10").toSequentialRange(), outbound.translation().addresses());
    }

    @Test
    void forwardFilterJumpsToTheNamedChainForWanTraffic() {
        FirewallChain forward = ROUTER.firewall().ipv4().forward();
        assertEquals(FirewallAction.ACCEPT, forward.defaultAction());
        FirewallRule jump = forward.rules().get(0);
        assertEquals(FirewallAction.JUMP, jump.action());
        assertEquals("WAN_IN", jump.jumpTarget());
        assertEquals(InterfaceMatch.of("eth0"), jump.inbound());
        FirewallChain wanIn = ROUTER.firewall().ipv4().named().get("WAN_IN");
        assertEquals(FirewallAction.DROP, wanIn.defaultAction());
        assertEquals(
                Set.of(ConnectionState.ESTABLISHED, ConnectionState.RELATED),
                wanIn.rules().get(0).states());
        assertEquals(FirewallAction.ACCEPT, wanIn.rules().get(0).action(), "1.4 accept is final, not a return");
        assertEquals(IpsecMatch.IPSEC, wanIn.rules().get(1).ipsec());
        assertEquals(FirewallAction.RETURN, wanIn.rules().get(2).action());
        assertTrue(wanIn.rules().get(2).match().source().negated());
    }

    @Test
    void inputFilterAdmitsIkeAndEspByServiceName() {
        FirewallChain input = ROUTER.firewall().ipv4().input();
        assertEquals(FirewallAction.DROP, input.defaultAction());
        assertEquals(
                List.of(PortRange.of(500), PortRange.of(4500)),
                input.rules().get(0).match().destinationPort().ranges());
        assertTrue(input.rules().get(1).match().protocol().matches(50));
    }

    @Test
    void routesOfEveryKind() {
        List<StaticRoute> routes = ROUTER.routes();
        assertEquals(
                new StaticRoute(
                        ip("10.20.0.0/16"),
                        RouteKind.BLACKHOLE,
                        null,
                        null,
                        254,
                        routes.get(0).location()),
                routes.get(0));
        assertEquals(ip("198.51.100.1"), routes.get(1).nextHop());
        assertEquals(RouteKind.INTERFACE, routes.get(2).kind());
        assertEquals("vti1", routes.get(2).interfaceName());
        assertEquals(ip("::/0"), routes.get(3).prefix());
        assertEquals(ip("2001:db8::1"), routes.get(3).nextHop());
    }

    @Test
    void interfacesWithIpv6VlansAndAGreTunnelWithKey() {
        assertEquals(
                List.of(ip("192.168.10.1/24"), ip("2001:db8:10::1/64")),
                ROUTER.findInterface("eth1").orElseThrow().addresses());
        assertEquals(
                InterfaceKind.VLAN,
                ROUTER.findInterface("eth1.20").orElseThrow().kind());
        var tunnel = ROUTER.findInterface("tun0").orElseThrow().tunnel();
        assertEquals(ip("10.255.0.1"), tunnel.localAddress());
        assertEquals(ip("10.255.0.2"), tunnel.remoteAddress());
        assertEquals(10, tunnel.key());
    }

    @Test
    void ipv6FilterWithAnIpv6AddressGroup() {
        MappedRouter mapped = map("v6.set", """
                set firewall group ipv6-address-group PEERS address '2001:db8:1::1'
                set firewall group ipv6-address-group PEERS address '2001:db8:1::10-2001:db8:1::20'
                set firewall ipv6 input filter default-action 'drop'
                set firewall ipv6 input filter rule 10 action 'accept'
                set firewall ipv6 input filter rule 10 protocol 'esp'
                set firewall ipv6 input filter rule 10 source group address-group 'PEERS'
                set firewall ipv6 input filter rule 10 inbound-interface group '!LAN'
                set firewall group interface-group LAN interface 'eth1'
                """);
        assertEquals(List.of(), messages(mapped, DiagnosticCodes.INVALID_VALUE));
        FirewallChain input = mapped.router().firewall().ipv6().input();
        assertEquals(FirewallAction.DROP, input.defaultAction());
        FirewallRule rule = input.rules().get(0);
        assertTrue(rule.match().source().matches(ip("2001:db8:1::15")));
        assertFalse(rule.match().source().matches(ip("2001:db8:1::21")));
        assertTrue(rule.inbound().matches("eth0"));
        assertFalse(rule.inbound().matches("eth1"));
        assertEquals(
                FirewallChain.acceptAll("input"),
                mapped.router().firewall().ipv4().input());
    }
}
