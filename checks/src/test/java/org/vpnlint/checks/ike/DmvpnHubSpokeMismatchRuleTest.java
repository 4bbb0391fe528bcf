package org.vpnlint.checks.ike;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.model.Completeness;
import org.vpnlint.model.Router;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;

/** The hub/spoke comparisons, and the cases where a difference is not claimed because the files cannot prove it. */
class DmvpnHubSpokeMismatchRuleTest {

    private static final String HUB = """
            set interfaces ethernet eth0 address '%1$s/24'
            set interfaces tunnel tun0 address '10.0.0.1/24'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 parameters ip key '1'
            set interfaces tunnel tun0 source-address '%1$s'
            set protocols nhrp tunnel tun0 multicast 'dynamic'
            set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
            set vpn ipsec esp-group ESP mode 'transport'
            set vpn ipsec ike-group IKE %2$s
            set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE proposal 1 dh-group '14'
            set vpn ipsec interface 'eth0'
            set vpn ipsec profile P authentication mode 'pre-shared-secret'
            set vpn ipsec profile P authentication pre-shared-secret 'hub-s3cret-value'
            set vpn ipsec profile P bind tunnel 'tun0'
            set vpn ipsec profile P esp-group 'ESP'
            set vpn ipsec profile P ike-group 'IKE'
            """;

    private static final String SPOKE = """
            set interfaces ethernet eth0 address '203.0.113.10/24'
            set interfaces tunnel tun0 address '%1$s/24'
            set interfaces tunnel tun0 encapsulation 'gre'
            set interfaces tunnel tun0 parameters ip key '%2$s'
            set interfaces tunnel tun0 source-address '203.0.113.10'
            set protocols nhrp tunnel tun0 map 10.0.0.1/24 nbma-address '%3$s'
            set protocols nhrp tunnel tun0 map 10.0.0.1/24 register
            set vpn ipsec esp-group ESP proposal 1 encryption 'aes256'
            set vpn ipsec esp-group ESP mode 'transport'
            set vpn ipsec ike-group IKE %4$s
            set vpn ipsec ike-group IKE proposal 1 encryption 'aes256'
            set vpn ipsec ike-group IKE proposal 1 dh-group '14'
            set vpn ipsec interface 'eth0'
            set vpn ipsec profile P authentication mode 'pre-shared-secret'
            set vpn ipsec profile P authentication pre-shared-secret '%5$s'
            set vpn ipsec profile P bind tunnel 'tun0'
            set vpn ipsec profile P esp-group 'ESP'
            set vpn ipsec profile P ike-group 'IKE'
            """;

    private static final String IKEV1 = "key-exchange 'ikev1'";

    @Test
    void agreeingHubAndSpokeGiveNoFinding() {
        assertEquals(List.of(), check(hub("198.51.100.41", IKEV1), spoke("1", "198.51.100.41", IKEV1)));
    }

    @Test
    void differentGreKeysAreReportedAtTheSpokesMap() {
        List<Finding> findings = check(hub("198.51.100.41", IKEV1), spoke("2", "198.51.100.41", IKEV1));
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("spoke.set", finding.location().file());
        assertEquals(6, finding.location().line());
        assertTrue(
                finding.message().contains("carry key 2 and the hub's tunnel accepts only key 1"), finding.message());
    }

    @Test
    void anNbmaAddressTheHubLacksIsReportedOnlyWhenTheHubIsPublic() {
        List<Finding> publicHub = check(hub("198.51.100.41", IKEV1), spoke("1", "198.51.100.99", IKEV1));
        assertEquals(1, publicHub.size());
        assertTrue(publicHub.get(0).message().contains("NBMA address 198.51.100.99"));
        // a hub on a private address may sit behind a NAT that presents 198.51.100.99: nothing is claimed
        assertEquals(List.of(), check(hub("10.1.1.1", IKEV1), spoke("1", "198.51.100.99", IKEV1)));
    }

    @Test
    void differentKeysAreReportedWithoutTheirValues() {
        List<Finding> findings =
                check(hub("198.51.100.41", IKEV1), spoke("1", "198.51.100.41", IKEV1, "spoke-s3cret-value"));
        assertEquals(1, findings.size());
        String message = findings.get(0).message();
        assertTrue(message.contains("pre-shared keys differ"), message);
        assertFalse(message.contains("s3cret"), message);
    }

    @Test
    void keysAreNotComparedWhenASiteToSiteKeyMightBeChosenInstead() {
        Router hub = read(
                "hub.set",
                HUB.formatted("198.51.100.41", IKEV1)
                        + "set vpn ipsec authentication psk OTHER id '203.0.113.10'\n"
                        + "set vpn ipsec authentication psk OTHER secret 'other-s3cret-value'\n");
        assertEquals(List.of(), check(hub, spoke("1", "198.51.100.41", IKEV1, "spoke-s3cret-value")));
    }

    @Test
    void ikeVersionsConflictOnlyWhenBothAreFixed() {
        Router ikev2Hub = hub("198.51.100.41", "key-exchange 'ikev2'");
        // a 1.4 group without key-exchange accepts either version
        assertEquals(List.of(), check(ikev2Hub, spoke("1", "198.51.100.41", "lifetime '3600'")));
        List<Finding> fixed = check(ikev2Hub, spoke("1", "198.51.100.41", IKEV1));
        assertEquals(1, fixed.size());
        assertTrue(
                fixed.get(0).message().contains("speaks IKEv1 only"),
                fixed.get(0).message());
    }

    @Test
    void aMapToAnAddressNoAnalysedRouterHasPairsWithNothing() {
        Router spoke = read(
                "spoke.set",
                SPOKE.formatted("10.0.0.10", "2", "198.51.100.41", IKEV1, "hub-s3cret-value")
                        .replace("map 10.0.0.1/24", "map 10.0.0.254/24"));
        assertEquals(List.of(), check(hub("198.51.100.41", IKEV1), spoke));
    }

    private static Router hub(String address, String ikeGroupLine) {
        return read("hub.set", HUB.formatted(address, ikeGroupLine));
    }

    private static Router spoke(String key, String nbma, String ikeGroupLine) {
        return spoke(key, nbma, ikeGroupLine, "hub-s3cret-value");
    }

    private static Router spoke(String key, String nbma, String ikeGroupLine, String secret) {
        return read("spoke.set", SPOKE.formatted("10.0.0.10", key, nbma, ikeGroupLine, secret));
    }

    private static Router read(String file, String text) {
        return RouterMapper.map(ConfigReader.read(file, text), null).router().withCompleteness(Completeness.WHOLE);
    }

    private static List<Finding> check(Router... routers) {
        RuleContext context = new RuleContext(() -> {
            throw new IllegalStateException("no solver needed");
        });
        return new DmvpnHubSpokeMismatchRule().check(Network.of(List.of(routers)), context);
    }
}
