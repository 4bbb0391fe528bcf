package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.ike.pairing.SiteBuilder;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;

/** The checks that need only one router. */
class SingleRouterRulesTest {

    @Test
    void aLocalAddressOnNoInterfaceIsAnError() {
        List<Finding> findings = RuleCheck.of(new LocalAddressNotOnRouterRule())
                .router(SiteBuilder.vyos14("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("hq")
                        .remoteAddress("203.0.113.2")
                        .localAddress("198.51.100.2")
                        .localId("branch")
                        .build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.ERROR, findings.get(0).level());
        assertEquals(10, findings.get(0).location().line());
        assertEquals("peer hq local-address", findings.get(0).subject());
    }

    @Test
    void aLocalAddressOnTheWanInterfaceIsFine() {
        assertEquals(
                List.of(),
                RuleCheck.of(new LocalAddressNotOnRouterRule())
                        .router(SiteBuilder.vyos14("hq.conf")
                                .wan("203.0.113.2/24")
                                .peer("b")
                                .remoteAddress("198.51.100.2")
                                .build())
                        .findings());
    }

    @Test
    void aPrivateIkeAddressWithoutLocalIdIsAWarning() {
        List<Finding> findings = RuleCheck.of(new BehindNatDefaultIdRule())
                .router(SiteBuilder.vyos14("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("hq")
                        .remoteAddress("203.0.113.2")
                        .build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.WARNING, findings.get(0).level());
        assertTrue(
                findings.get(0).message().contains("sends 10.1.0.2"),
                findings.get(0).message());
    }

    @Test
    void aLocalIdSilencesTheDefaultIdWarning() {
        assertEquals(
                List.of(),
                RuleCheck.of(new BehindNatDefaultIdRule())
                        .router(SiteBuilder.vyos14("branch.conf")
                                .wan("10.1.0.2/24")
                                .peer("hq")
                                .remoteAddress("203.0.113.2")
                                .localId("branch")
                                .build())
                        .findings());
    }

    @Test
    void vyos13WantsAnAtBeforeAnFqdnId() {
        List<Finding> findings = RuleCheck.of(new FqdnIdWithoutAtRule())
                .router(SiteBuilder.vyos13("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("203.0.113.2")
                        .localId("branch")
                        .build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals("peer 203.0.113.2 local-id", findings.get(0).subject());
    }

    @Test
    void anFqdnIdWithAtOrInVyos14IsFine() {
        assertEquals(
                List.of(),
                RuleCheck.of(new FqdnIdWithoutAtRule())
                        .router(SiteBuilder.vyos13("a.conf")
                                .wan("10.1.0.2/24")
                                .peer("203.0.113.2")
                                .localId("@branch")
                                .build())
                        .router(SiteBuilder.vyos14("b.conf")
                                .wan("10.2.0.2/24")
                                .peer("hq")
                                .remoteAddress("203.0.113.2")
                                .localId("branch")
                                .build())
                        .findings());
    }

    @Test
    void natTraversalDisabledBehindNatIsReported() {
        List<Finding> findings = RuleCheck.of(new NatTMissingRule())
                .router(SiteBuilder.vyos13("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("203.0.113.2")
                        .natTraversal(false)
                        .build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals("peer 203.0.113.2 nat-traversal", findings.get(0).subject());
    }

    @Test
    void natTraversalDisabledBetweenPublicAddressesIsFine() {
        assertEquals(
                List.of(),
                RuleCheck.of(new NatTMissingRule())
                        .router(SiteBuilder.vyos13("hq.conf")
                                .wan("203.0.113.2/24")
                                .peer("198.51.100.2")
                                .natTraversal(false)
                                .build())
                        .findings());
    }

    @Test
    void aLocalAddressInAVpnOnlyFragmentIsANoteSayingWhatIsNotShown() {
        List<Finding> findings = RuleCheck.of(new LocalAddressNotOnRouterRule())
                .router(SiteBuilder.vpnOnly(SiteBuilder.vyos14("docs.conf")
                        .wan("10.1.0.2/24")
                        .peer("hq")
                        .remoteAddress("203.0.113.2")
                        .localAddress("198.51.100.2")
                        .build()))
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.NOTE, findings.get(0).level());
        assertTrue(
                findings.get(0)
                        .message()
                        .startsWith("Not checked whether the local-address 198.51.100.2 of peer hq"
                                + " is an address of this router: that needs all the interfaces of the router, and the file is a"
                                + " fragment that shows no interfaces."),
                findings.get(0).message());
    }

    @Test
    void aPrivateLocalAddressIsNotCalledTheNatsPublicOne() {
        List<Finding> findings = RuleCheck.of(new LocalAddressNotOnRouterRule())
                .router(SiteBuilder.vyos14("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("hq")
                        .remoteAddress("203.0.113.2")
                        .localAddress("10.1.0.9")
                        .localId("branch")
                        .build())
                .findings();

        assertEquals(1, findings.size());
        assertFalse(
                findings.get(0).message().contains("public address"),
                findings.get(0).message());
        assertTrue(
                findings.get(0).message().contains("If the router's address changed"),
                findings.get(0).message());
    }

    @Test
    void withACertificateTheDefaultIdentityIsItsSubjectNotTheAddress() {
        Router router = SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .build();
        IpsecPeer peer = router.ipsec().peers().get(0);
        IpsecPeer withCertificate = new IpsecPeer(
                peer.name(),
                peer.remoteAddresses(),
                peer.localAddress(),
                AuthenticationMode.X509,
                null,
                null,
                null,
                peer.connectionType(),
                peer.ikeGroup(),
                peer.defaultEspGroup(),
                peer.tunnels(),
                null,
                null,
                false,
                false,
                peer.path(),
                peer.location());
        Router x509 = router.withConfiguration(
                router.nat(),
                router.firewall(),
                new IpsecConfig(
                        List.of(withCertificate),
                        router.ipsec().ikeGroups(),
                        router.ipsec().espGroups(),
                        List.of(),
                        router.ipsec().ikeInterfaces(),
                        false,
                        true,
                        null));

        assertEquals(
                List.of(),
                RuleCheck.of(new BehindNatDefaultIdRule()).router(x509).findings());
    }

    @Test
    void aPartnerOnTheRoutersOwnSubnetIsNotBehindNat() {
        assertEquals(
                List.of(),
                RuleCheck.of(new BehindNatDefaultIdRule())
                        .router(SiteBuilder.vyos14("branch.conf")
                                .wan("10.1.0.2/24")
                                .peer("10.1.0.3")
                                .build())
                        .findings());
    }

    @Test
    void theSuggestedIdIsAPlaceholderWithoutAHostName() {
        List<Finding> findings = RuleCheck.of(new BehindNatDefaultIdRule())
                .router(SiteBuilder.vyos14("branch.conf")
                        .wan("10.1.0.2/24")
                        .peer("hq")
                        .remoteAddress("203.0.113.2")
                        .build())
                .findings();

        assertTrue(
                findings.get(0).fix().contains("local-id \"<name-of-this-router>\""),
                findings.get(0).fix());
        assertTrue(
                findings.get(0).message().contains("replace <name-of-this-router>"),
                findings.get(0).message());
    }
}
