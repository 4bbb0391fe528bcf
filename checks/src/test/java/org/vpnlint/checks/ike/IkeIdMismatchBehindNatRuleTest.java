package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.ike.pairing.SiteBuilder;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Z3Solver;

class IkeIdMismatchBehindNatRuleTest {

    private final IkeIdMismatchBehindNatRule rule = new IkeIdMismatchBehindNatRule();

    /** hq knows the branch by its NAT address and keys the PSK by it; the branch sends its private address. */
    private static Router hq(int version) {
        return SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .remoteAddress("198.51.100.2")
                .connectionType(ConnectionType.RESPOND)
                .ikeVersion(version)
                .pskIds("198.51.100.2")
                .build();
    }

    private static Router branchWithoutId(int version) {
        return SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .ikeVersion(version)
                .pskIds("203.0.113.2")
                .build();
    }

    @Test
    void ikev2FindsThePskByIdentitySoThePrivateAddressFindsNoKey() {
        List<Finding> findings =
                RuleCheck.of(rule).router(hq(2)).router(branchWithoutId(2)).findings();

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Level.ERROR, finding.level());
        assertEquals("branch.conf", finding.location().file(), "the branch cannot even build its AUTH");
        assertEquals("hq.conf", finding.related().get(0).location().file());
        String message = finding.message();
        assertTrue(
                message.indexOf("IKE_SA_INIT") < message.indexOf("NAT detection")
                        && message.indexOf("NAT detection") < message.indexOf("IKE_AUTH"),
                message);
    }

    @Test
    void ikev1MainModeFindsThePskByThePostNatAddressSoTheSameConfigWorks() {
        assertEquals(
                List.of(),
                RuleCheck.of(rule).router(hq(1)).router(branchWithoutId(1)).findings());
    }

    @Test
    void aRemoteIdOfThePublicAddressRejectsThePrivateIdentityAtTheResponder() {
        Router hq = SiteBuilder.vyos13("hq.conf")
                .wan("203.0.113.2/24")
                .peer("198.51.100.2")
                .connectionType(ConnectionType.RESPOND)
                .build();
        Router branch = SiteBuilder.vyos13("branch.conf")
                .wan("10.1.0.2/24")
                .peer("203.0.113.2")
                .build();

        List<Finding> findings = RuleCheck.of(rule).router(hq).router(branch).findings();

        assertEquals(1, findings.size());
        assertEquals("hq.conf", findings.get(0).location().file(), "reported where the identity is rejected");
        assertTrue(
                findings.get(0).message().contains("10.1.0.2"), findings.get(0).message());
    }

    @Test
    void anFqdnIdentityAcceptedOnTheOtherEndFixesIt() {
        Router hq = SiteBuilder.vyos13("hq.conf")
                .wan("203.0.113.2/24")
                .peer("@branch")
                .build();
        Router branch = SiteBuilder.vyos13("branch.conf")
                .wan("10.1.0.2/24")
                .peer("203.0.113.2")
                .localAddress("any")
                .localId("@branch")
                .build();

        assertEquals(List.of(), RuleCheck.of(rule).router(hq).router(branch).findings());
    }

    @Test
    void withAnUnknownNatAddressTheMessageSaysWhichAddressWouldWork() {
        Router hq = SiteBuilder.vyos14("hq.conf")
                .wan("203.0.113.2/24")
                .peer("branch")
                .connectionType(ConnectionType.NONE)
                .ikeVersion(1)
                .pskIds("198.51.100.9")
                .build();
        Router branch = SiteBuilder.vyos14("branch.conf")
                .wan("10.1.0.2/24")
                .peer("hq")
                .remoteAddress("203.0.113.2")
                .ikeVersion(1)
                .pskIds("203.0.113.2")
                .build();
        Network network = new Network(
                List.of(hq, branch),
                List.of(new Network.NatDeclaration("branch.conf", null, Network.NatDeclaration.Kind.MASQUERADE)));

        try (Z3Solver solver = new Z3Solver()) {
            List<Finding> findings = rule.check(network, new RuleContext(() -> solver));

            assertEquals(1, findings.size());
            String message = findings.get(0).message();
            assertTrue(message.contains("unless the initiator's NAT uses the public address 198.51.100.9"), message);
            assertTrue(
                    message.contains("For example, with the NAT showing "),
                    "the solver gives an address where it fails: " + message);
        }
    }
}
