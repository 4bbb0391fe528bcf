package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.ike.pairing.SiteBuilder;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;

/** The rules about two ends that cannot agree, each on a pair of public routers that differ in one setting. */
class PairwiseRulesTest {

    private static SiteBuilder east() {
        return SiteBuilder.vyos14("east.conf")
                .wan("203.0.113.1/24")
                .peer("west")
                .remoteAddress("198.51.100.2")
                .connectionType(ConnectionType.RESPOND)
                .pskIds("198.51.100.2", "203.0.113.1")
                .prefixes("192.168.10.0/24", "10.10.10.0/24");
    }

    private static SiteBuilder west() {
        return SiteBuilder.vyos14("west.conf")
                .wan("198.51.100.2/24")
                .peer("east")
                .remoteAddress("203.0.113.1")
                .pskIds("198.51.100.2", "203.0.113.1")
                .prefixes("10.10.10.0/24", "192.168.10.0/24");
    }

    @Test
    void matchingEndsHaveNoFindings() {
        for (var rule : List.of(
                new IpsecPskMismatchRule(),
                new IpsecProposalMismatchRule(),
                new TunnelSelectorsNotMirroredRule(),
                new NoInitiatorRule(),
                new IkeIdMismatchBehindNatRule())) {
            assertEquals(
                    List.of(),
                    RuleCheck.of(rule)
                            .router(east().build())
                            .router(west().build())
                            .findings(),
                    rule.id());
        }
    }

    @Test
    void differentSecretsAreReportedWithoutShowingEither() {
        List<Finding> findings = RuleCheck.of(new IpsecPskMismatchRule())
                .router(east().secret("s3cret-one").build())
                .router(west().secret("s3cret-two").build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals("east.conf", findings.get(0).location().file());
        assertEquals("west.conf", findings.get(0).related().get(0).location().file());
        assertFalse(
                findings.get(0).message().contains("s3cret"), findings.get(0).message());
    }

    @Test
    void differentSecretsOfTwoVpnOnlyFragmentsAreReported() {
        List<Finding> findings = RuleCheck.of(new IpsecPskMismatchRule())
                .router(SiteBuilder.vpnOnly(east().secret("s3cret-one").build()))
                .router(SiteBuilder.vpnOnly(west().secret("s3cret-two").build()))
                .findings();

        assertEquals(1, findings.size(), findings::toString);
        assertEquals(Level.ERROR, findings.get(0).level());
        assertTrue(
                findings.get(0).message().contains("different pre-shared keys"),
                findings.get(0).message());
    }

    @Test
    void endsAuthenticatingWithCertificatesAreNotJudgedByTheirPresharedKeys() {
        List<Finding> findings = RuleCheck.of(new IpsecPskMismatchRule())
                .router(withCertificates(east().secret("s3cret-one").build()))
                .router(withCertificates(west().secret("s3cret-two").build()))
                .findings();

        assertEquals(List.of(), findings);
    }

    private static Router withCertificates(Router router) {
        IpsecPeer peer = router.ipsec().peers().get(0);
        IpsecPeer x509 = new IpsecPeer(
                peer.name(),
                peer.remoteAddresses(),
                peer.localAddress(),
                AuthenticationMode.X509,
                peer.localId(),
                peer.remoteId(),
                peer.presharedKey(),
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
        IpsecConfig ipsec = router.ipsec();
        return router.withConfiguration(
                router.nat(),
                router.firewall(),
                new IpsecConfig(
                        List.of(x509),
                        ipsec.ikeGroups(),
                        ipsec.espGroups(),
                        ipsec.presharedKeys(),
                        ipsec.ikeInterfaces(),
                        false,
                        true,
                        ipsec.natTraversal()));
    }

    @Test
    void anUnsetDhGroupIsGroup2InVyos14AndDoesNotMatchGroup14() {
        List<Finding> findings = RuleCheck.of(new IpsecProposalMismatchRule())
                .router(east().ikeProposal("aes256", "sha256", null).build())
                .router(west().build())
                .findings();

        Finding ike = findings.stream()
                .filter(f -> f.subject().equals("peer west ike-proposal"))
                .findFirst()
                .orElseThrow();
        assertEquals(Level.ERROR, ike.level());
        assertTrue(ike.message().contains("modp1024"), ike.message());
        assertTrue(
                findings.stream().anyMatch(f -> f.subject().equals("peer west esp-proposal")),
                "pfs enable follows the IKE group's DH group, so PFS differs too");
    }

    @Test
    void aPfsMismatchInIkev2FailsOnlyAtRekey() {
        List<Finding> findings = RuleCheck.of(new IpsecProposalMismatchRule())
                .router(east().ikeVersion(2).pfs("disable").build())
                .router(west().ikeVersion(2).build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals("peer west esp-proposal", findings.get(0).subject());
        assertTrue(
                findings.get(0).message().contains("every rekey fails"),
                findings.get(0).message());
    }

    @Test
    void selectorsWithoutOverlapAreRefused() {
        List<Finding> findings = RuleCheck.of(new TunnelSelectorsNotMirroredRule())
                .router(east().build())
                .router(west().prefixes("10.10.20.0/24", "192.168.10.0/24").build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.ERROR, findings.get(0).level());
        assertTrue(
                findings.get(0).message().contains("TS_UNACCEPTABLE"),
                findings.get(0).message());
    }

    @Test
    void partlyOverlappingSelectorsAreNarrowed() {
        List<Finding> findings = RuleCheck.of(new TunnelSelectorsNotMirroredRule())
                .router(east().build())
                .router(west().prefixes("10.10.10.0/25", "192.168.10.0/24").build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.WARNING, findings.get(0).level());
        assertTrue(
                findings.get(0).message().contains("narrows the CHILD_SA to 10.10.10.0/25"),
                findings.get(0).message());
    }

    @Test
    void twoEndsThatNeverInitiateAreAnError() {
        List<Finding> findings = RuleCheck.of(new NoInitiatorRule())
                .router(east().connectionType(ConnectionType.NONE).build())
                .router(west().connectionType(ConnectionType.NONE).build())
                .findings();

        assertEquals(1, findings.size());
        assertEquals(Level.ERROR, findings.get(0).level());
        assertEquals("east.conf", findings.get(0).location().file());
    }

    @Test
    void theOnlyInitiatorCannotReachAnEndBehindMasquerade() {
        Router hq = SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .remoteAddress("198.51.100.2")
                .pskIds("branch")
                .build();
        Router branch = SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .localId("branch")
                .connectionType(ConnectionType.NONE)
                .pskIds("branch")
                .build();
        List<Finding> findings = RuleCheck.of(new NoInitiatorRule())
                .router(hq)
                .router(branch)
                .natDeclared(new Network.NatDeclaration(
                        "branch.conf", "198.51.100.2", Network.NatDeclaration.Kind.MASQUERADE))
                .findings();

        assertEquals(1, findings.size());
        assertTrue(
                findings.get(0).message().contains("masquerading NAT"),
                findings.get(0).message());
    }

    @Test
    void twoRespondingEndsTrapTrafficAndAreFine() {
        Router west = west().connectionType(ConnectionType.RESPOND).build();

        assertEquals(
                List.of(),
                RuleCheck.of(new NoInitiatorRule())
                        .router(east().build())
                        .router(west)
                        .findings());
    }
}
