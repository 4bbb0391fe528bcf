package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;

/** gre-not-protected for DMVPN: a multipoint GRE tunnel without an IPsec profile, towards the peers its maps name. */
class MultipointGreNotProtectedTest {

    private final GreNotProtectedRule notProtected = new GreNotProtectedRule();

    /** A VyOS 1.4 spoke whose hub is 198.51.100.41; the tunnel line carries the marker. */
    private static final String SPOKE = """
            set interfaces ethernet eth0 address '203.0.113.10/24'
            # EXPECT: gre-not-protected
            set interfaces tunnel tun0 address '10.0.0.10/24'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 source-address '203.0.113.10'
            set protocols nhrp tunnel tun0 map 10.0.0.1/24 nbma-address '198.51.100.41'
            set protocols nhrp tunnel tun0 map 10.0.0.1/24 register
            set protocols static route 0.0.0.0/0 next-hop 203.0.113.1
            set vpn ipsec esp-group ESP-DMVPN mode 'transport'
            set vpn ipsec esp-group ESP-DMVPN proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE-DMVPN proposal 1 encryption 'aes256'
            set vpn ipsec interface 'eth0'
            """;

    private static final String PROFILE = """
            set vpn ipsec profile NHRPVPN authentication mode 'pre-shared-secret'
            set vpn ipsec profile NHRPVPN authentication pre-shared-secret 's3cret-dmvpn'
            set vpn ipsec profile NHRPVPN bind tunnel 'tun0'
            set vpn ipsec profile NHRPVPN esp-group 'ESP-DMVPN'
            set vpn ipsec profile NHRPVPN ike-group 'IKE-DMVPN'
            """;

    @Test
    void aSpokeWithoutAProfileSendsGreToItsHubInCleartext() {
        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE)
                .expectMarkers();

        Finding finding = found.get(0);
        assertTrue(
                finding.message()
                        .contains("gre 203.0.113.10 → 198.51.100.41 sent by the router leaves eth0 in cleartext"),
                finding.message());
        assertEquals("""
                set vpn ipsec profile DMVPN-TUN0 bind tunnel tun0
                set vpn ipsec profile DMVPN-TUN0 ike-group IKE-DMVPN
                set vpn ipsec profile DMVPN-TUN0 esp-group ESP-DMVPN
                set vpn ipsec profile DMVPN-TUN0 authentication mode pre-shared-secret
                # also set authentication pre-shared-secret to the key the other DMVPN routers use""", finding.fix());
    }

    @Test
    void aBoundProfileProtectsTheSpoke() {
        RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE.replace("# EXPECT: gre-not-protected\n", "") + PROFILE)
                .expectMarkers();
    }

    @Test
    void aProfileBoundToAnotherTunnelDoesNotProtectThisOne() {
        RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE + PROFILE.replace("bind tunnel 'tun0'", "bind tunnel 'tun1'"))
                .expectMarkers();
    }

    @Test
    void aDisabledProfileProtectsNothing() {
        RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE + PROFILE + "set vpn ipsec profile NHRPVPN disable\n")
                .expectMarkers();
    }

    /** A site-to-site tunnel selecting GRE between the outer addresses encrypts the packets: nothing to report. */
    @Test
    void aSiteToSiteTunnelSelectingTheGrePacketsProtectsThem() {
        String peer = """
                set vpn ipsec site-to-site peer HUB authentication mode 'pre-shared-secret'
                set vpn ipsec site-to-site peer HUB connection-type 'initiate'
                set vpn ipsec site-to-site peer HUB default-esp-group 'ESP-DMVPN'
                set vpn ipsec site-to-site peer HUB ike-group 'IKE-DMVPN'
                set vpn ipsec site-to-site peer HUB local-address '203.0.113.10'
                set vpn ipsec site-to-site peer HUB remote-address '198.51.100.41'
                set vpn ipsec site-to-site peer HUB tunnel 1 local prefix '203.0.113.10/32'
                set vpn ipsec site-to-site peer HUB tunnel 1 remote prefix '198.51.100.41/32'
                set vpn ipsec site-to-site peer HUB tunnel 1 protocol 'gre'
                """;
        RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE.replace("# EXPECT: gre-not-protected\n", "") + peer)
                .expectMarkers();
    }

    /**
     * An output filter rule with a rate limit (not read, so read wider) accepts the GRE packet: the real rule may
     * drop it past the limit, so the cleartext verdict is not proved and the finding is a note without a fix.
     */
    @Test
    void aReplayRestingOnAnInexactRuleIsOnlyANote() {
        String output = """
                set firewall ipv4 output filter default-action 'drop'
                set firewall ipv4 output filter rule 10 action 'accept'
                set firewall ipv4 output filter rule 10 limit rate '10/second'
                set firewall ipv4 output filter rule 10 protocol 'gre'
                """;
        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("spoke.set", SPOKE.replace("# EXPECT: gre-not-protected\n", "") + output)
                .expectMarkers();

        assertEquals(1, found.size(), found::toString);
        assertEquals(Level.NOTE, found.get(0).level());
        assertTrue(
                found.get(0).message().startsWith("vpnlint could not decide this"),
                found.get(0).message());
        assertNull(found.get(0).fix());
    }

    /** A hub names no peer: no witness address can be shown, and nothing is claimed (docs/semantics/dmvpn.md). */
    @Test
    void aHubWithoutMapsIsNotReported() {
        String hub = SPOKE.replace("# EXPECT: gre-not-protected\n", "")
                .replace("set protocols nhrp tunnel tun0 map 10.0.0.1/24 nbma-address '198.51.100.41'\n", "")
                .replace(
                        "set protocols nhrp tunnel tun0 map 10.0.0.1/24 register\n",
                        "set protocols nhrp tunnel tun0 holding-time '300'\n");
        RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_4)
                .config("hub.set", hub)
                .expectMarkers();
    }

    /** VyOS 1.2 writes the profile as 1.4 does (the crux DMVPN documentation). */
    @Test
    void aVyos12SpokeGetsTheProfileFix() {
        String vyos12 = SPOKE.replace("source-address", "local-ip")
                .replace("set vpn ipsec interface 'eth0'", "set vpn ipsec ipsec-interfaces interface 'eth0'");
        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.VYOS_1_2)
                .config("spoke.set", vyos12)
                .expectMarkers();

        assertTrue(
                found.get(0).fix().startsWith("set vpn ipsec profile DMVPN-TUN0 bind tunnel tun0"), found.toString());
    }

    /** The profile syntax is checked for VyOS only: EdgeOS gets the finding without a fix. */
    @Test
    void anEdgeosSpokeIsReportedWithoutAFix() {
        String edgeos = """
                interfaces {
                    ethernet eth0 {
                        address 203.0.113.10/24
                    }
                    /* EXPECT: gre-not-protected */
                    tunnel tun0 {
                        address 10.0.0.10/24
                        encapsulation gre-multipoint
                        local-ip 203.0.113.10
                    }
                }
                protocols {
                    nhrp {
                        tunnel tun0 {
                            map 10.0.0.1/24 {
                                nbma-address 198.51.100.41
                                register
                            }
                        }
                    }
                    static {
                        route 0.0.0.0/0 {
                            next-hop 203.0.113.1 {
                            }
                        }
                    }
                }
                """;
        List<Finding> found = RuleCheck.of(notProtected)
                .dialect(Dialect.EDGEOS)
                .config("spoke.boot", edgeos)
                .expectMarkers();

        assertNull(found.get(0).fix());
    }
}
