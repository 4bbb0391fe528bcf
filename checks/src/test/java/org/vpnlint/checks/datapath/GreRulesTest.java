package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;

/** The two GRE/IPsec designs of the seed article, and GRE that IPsec does not cover. */
class GreRulesTest {

    private final GreLeaksWhenSaDownRule leaks = new GreLeaksWhenSaDownRule();
    private final GreNotProtectedRule notProtected = new GreNotProtectedRule();

    /** The article's canonical setup: GRE between the public addresses, tunnel 1 protocol gre. */
    private static final String CANONICAL = String.join(
                    "\n",
                    "set interfaces ethernet eth0 address '192.0.2.10/24'",
                    "set interfaces tunnel tun0 address '10.0.0.2/29'",
                    "set interfaces tunnel tun0 encapsulation 'gre'",
                    "set interfaces tunnel tun0 local-ip '192.0.2.10'",
                    "set interfaces tunnel tun0 remote-ip '203.0.113.20'",
                    "set protocols static route 0.0.0.0/0 next-hop 192.0.2.1",
                    "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
                    "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
                    "set vpn ipsec ipsec-interfaces interface 'eth0'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 ike-group 'IKE'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 default-esp-group 'ESP'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 local-address '192.0.2.10'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 protocol 'gre'")
            + "\n";

    /** The article's dummy-address design (East), with a blackhole for the remote dummy address. */
    private static final String DUMMIES = String.join(
                    "\n",
                    "set interfaces ethernet eth0 address '192.0.2.10/24'",
                    "set interfaces dummy dum0 address '10.10.0.1/32'",
                    "set interfaces tunnel tun0 address '10.0.0.1/29'",
                    "set interfaces tunnel tun0 encapsulation 'gre'",
                    "set interfaces tunnel tun0 local-ip '10.10.0.1'",
                    "set interfaces tunnel tun0 remote-ip '10.10.0.2'",
                    "set protocols static route 0.0.0.0/0 next-hop 192.0.2.1",
                    "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
                    "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
                    "set vpn ipsec ipsec-interfaces interface 'eth0'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 ike-group 'IKE'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 default-esp-group 'ESP'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 local-address '192.0.2.10'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 local prefix '10.10.0.1/32'",
                    "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 remote prefix '10.10.0.2/32'")
            + "\n";

    /**
     * VyOS 1.5 site A: GRE inside a LAN-to-LAN tunnel (192.168.20.0/24 ↔ 192.168.30.0/24) to the partner's LAN
     * gateway, named by `source-interface eth0` (the WAN) instead of a source address. VyOS renders that as
     * `dev eth0` without `local`, so the kernel takes the source from the route to 192.168.30.1.
     */
    private static final String LAN_GRE_BOUND_TO_WAN = String.join(
                    "\n",
                    "set interfaces ethernet eth0 address '192.0.2.10/24'",
                    "set interfaces ethernet eth1 address '192.168.20.1/24'",
                    "set interfaces tunnel tun0 address '10.0.0.1/30'",
                    "set interfaces tunnel tun0 encapsulation 'gre'",
                    "set interfaces tunnel tun0 remote '192.168.30.1'",
                    "set interfaces tunnel tun0 source-interface 'eth0'",
                    "set protocols static route 0.0.0.0/0 next-hop 192.0.2.1",
                    "set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'",
                    "set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'",
                    "set vpn ipsec interface 'eth0'",
                    "set vpn ipsec site-to-site peer SITE-B connection-type 'initiate'",
                    "set vpn ipsec site-to-site peer SITE-B default-esp-group 'ESP'",
                    "set vpn ipsec site-to-site peer SITE-B ike-group 'IKE'",
                    "set vpn ipsec site-to-site peer SITE-B local-address '192.0.2.10'",
                    "set vpn ipsec site-to-site peer SITE-B remote-address '203.0.113.20'",
                    "set vpn ipsec site-to-site peer SITE-B tunnel 1 local prefix '192.168.20.0/24'",
                    "set vpn ipsec site-to-site peer SITE-B tunnel 1 remote prefix '192.168.30.0/24'")
            + "\n";

    /** With the SA up, table 220 routes 192.168.30.0/24 "dev eth0 src 192.168.20.1": GRE is sent from inside the selector. */
    @Test
    void greBoundToTheWanInterfaceIsSourcedFromTable220AndProtectedWhileTheSaIsUp() {
        String config = LAN_GRE_BOUND_TO_WAN + "set protocols static route 192.168.30.0/24 blackhole distance '254'\n";

        assertEquals(
                List.of(),
                RuleCheck.of(notProtected)
                        .dialect(Dialect.VYOS_1_5)
                        .config("router.set", config)
                        .findings());
    }

    /** With the SA down table 220 is gone: the default route out of eth0 gives eth0's address, outside every policy. */
    @Test
    void greBoundToTheWanInterfaceLeavesFromTheWanAddressWhileTheSaIsDown() {
        List<Finding> found = RuleCheck.of(leaks)
                .dialect(Dialect.VYOS_1_5)
                .config("router.set", LAN_GRE_BOUND_TO_WAN)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertEquals("192.0.2.10", found.get(0).witness().src());
        assertEquals("192.168.30.1", found.get(0).witness().dst());
        assertTrue(
                found.get(0).message().startsWith("GRE tunnel tun0 (gre 192.168.20.1 → 192.168.30.1) is encrypted by"),
                found.get(0).message());
    }

    /**
     * Bound to a third interface, the lookup passes over table 220's route (dev eth0) and the blackhole fails it;
     * IPv4 then assumes 192.168.30.1 on link on eth2 and sends from eth2's address, which no policy selects.
     */
    @Test
    void greBoundToAnInterfaceTheTable220RouteDoesNotUseIsSourcedFromThatInterface() {
        String config = LAN_GRE_BOUND_TO_WAN.replace("source-interface 'eth0'", "source-interface 'eth2'")
                + "set interfaces ethernet eth2 address '198.51.100.1/24'\n"
                + "set protocols static route 192.168.30.0/24 blackhole distance '254'\n";

        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_5)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertEquals("198.51.100.1", found.get(0).witness().src());
    }

    @Test
    void canonicalGreLeaksInCleartextWhileTheSaIsDown() {
        List<Finding> found = RuleCheck.of(leaks)
                .dialect(Dialect.VYOS_1_2)
                .config("router.set", CANONICAL)
                .findings();

        assertEquals(1, found.size(), found::toString);
        Finding finding = found.get(0);
        assertEquals("gre", finding.witness().protocol());
        assertEquals("192.0.2.10", finding.witness().src());
        assertEquals("203.0.113.20", finding.witness().dst());
        assertEquals("local", finding.witness().inInterface());
        assertEquals(
                RuleCheck.lineOf(CANONICAL, "tun0 address"), finding.location().line());
        assertTrue(
                finding.message().contains("leaves eth0 in cleartext as gre 192.0.2.10 → 203.0.113.20"),
                finding.message());
        // a blackhole for the peer's own address would cut IKE: keep a trap instead
        assertEquals("set vpn ipsec ike-group IKE dead-peer-detection action hold", finding.fix());
    }

    @Test
    void theDummyAddressDesignWithABlackholeStopsWithTheSa() {
        String config = DUMMIES + "set protocols static route 10.10.0.2/32 blackhole distance '254'\n";

        assertEquals(
                List.of(),
                RuleCheck.of(leaks)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
        assertEquals(
                List.of(),
                RuleCheck.of(notProtected)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }

    @Test
    void theDummyAddressDesignLeaksThroughTheDefaultRouteWithoutABlackhole() {
        List<Finding> found = RuleCheck.of(leaks)
                .dialect(Dialect.VYOS_1_2)
                .config("router.set", DUMMIES)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0)
                        .message()
                        .contains("table-220 route to 10.10.0.2 goes with the SA, but 10.10.0.2 via 192.0.2.1"),
                found.get(0).message());
        assertEquals(
                "set protocols static route 10.10.0.2/32 blackhole distance 254",
                found.get(0).fix());
    }

    /** As the article says: without a default route the remote dummy address is simply unreachable while the SA is down. */
    @Test
    void theDummyAddressDesignWithoutADefaultRouteMakesGreUnreachable() {
        String config = DUMMIES.replace(
                "set protocols static route 0.0.0.0/0 next-hop 192.0.2.1\n",
                "set protocols static route 203.0.113.0/24 next-hop 192.0.2.1\n");
        var router = RuleCheck.wholeRouter("east.set", config, Dialect.VYOS_1_2);
        var packet = ConcretePacket.of("10.10.0.1", "10.10.0.2", 47, Ingress.local());

        assertEquals(
                List.of(),
                RuleCheck.of(leaks)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
        assertEquals(
                Verdict.ENCRYPTED,
                Datapath.replay(router, packet, SaStates.allUp()).verdict());
        assertEquals(
                Verdict.UNREACHABLE,
                Datapath.replay(router, packet, SaStates.allDown()).verdict());
    }

    @Test
    void greBetweenThePublicAddressesNextToATunnelForTheLansIsNotProtected() {
        String config = CANONICAL.replace(
                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 protocol 'gre'\n",
                String.join(
                                "\n",
                                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 local prefix '192.168.10.0/24'",
                                "set vpn ipsec site-to-site peer 203.0.113.20 tunnel 1 remote prefix '10.10.10.0/24'")
                        + "\n");

        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_2)
                .config("router.set", config)
                .findings();

        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0)
                        .message()
                        .contains(
                                "even with every SA up, gre 192.0.2.10 → 203.0.113.20 sent by the router leaves eth0 in cleartext"),
                found.get(0).message());
        assertEquals("""
                set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 local prefix 192.0.2.10/32
                set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 remote prefix 203.0.113.20/32
                set vpn ipsec site-to-site peer 203.0.113.20 tunnel 2 protocol gre""", found.get(0).fix());
        assertEquals(
                List.of(),
                RuleCheck.of(leaks)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings(),
                "not protected even when up: not a leak finding");
    }

    @Test
    void greToARouterThatIsNoIpsecPeerIsNotThisRulesBusiness() {
        String config = CANONICAL.replace("remote-ip '203.0.113.20'", "remote-ip '198.51.100.7'");

        assertEquals(
                List.of(),
                RuleCheck.of(notProtected)
                        .dialect(Dialect.VYOS_1_2)
                        .config("router.set", config)
                        .findings());
    }
}
