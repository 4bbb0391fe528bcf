package org.vpnlint.checks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Z3Solver;

/** The diff engine on inline command scripts: a change that leaks, one without effect, one that shows only with the SA down. */
class ChangeImpactTest {

    private static final List<String> BRANCH = List.of(
            "set interfaces ethernet eth0 address '203.0.113.134/24'",
            "set interfaces ethernet eth1 address '192.168.10.1/24'",
            "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
            "set vpn ipsec ipsec-interfaces interface 'eth0'",
            "set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'",
            "set nat source rule 10 outbound-interface 'eth0'",
            "set nat source rule 10 source address '192.168.10.0/24'",
            "set nat source rule 10 translation address '203.0.113.134'");

    private static final List<String> EXCLUDE = List.of(
            "set nat source rule 5 outbound-interface 'eth0'",
            "set nat source rule 5 destination address '10.10.10.0/24'",
            "set nat source rule 5 exclude");

    private static final List<String> BLACKHOLE =
            List.of("set protocols static route 10.10.10.0/24 blackhole distance 254");

    private static Z3Solver solver;

    @BeforeAll
    static void openSolver() {
        solver = new Z3Solver();
    }

    @AfterAll
    static void closeSolver() {
        solver.close();
    }

    @Test
    void removingTheExcludeRuleSendsTunnelTrafficOutInCleartext() {
        RouterImpact impact = compare(script(BRANCH, EXCLUDE, BLACKHOLE), script(BRANCH, BLACKHOLE), SaMode.UP);
        assertTrue(impact.proved(), impact.notes().toString());
        FateDifference fromLan = impact.differences().stream()
                .filter(d -> d.before().packet().ingress().toString().equals("eth1"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.ENCRYPTED, fromLan.before().verdict());
        assertEquals(Verdict.CLEARTEXT, fromLan.after().verdict());
        assertEquals(Level.ERROR, fromLan.level());
        assertEquals("192.168.10.100", fromLan.before().packet().header().srcText());
        assertEquals("10.10.10.200", fromLan.before().packet().header().dstText());
        assertEquals("192.168.10.0/24", fromLan.affected().sources(), fromLan.message());
        assertEquals("10.10.10.0/24", fromLan.affected().destinations(), fromLan.message());
        assertEquals(
                List.of("removed: nat source rule 5"),
                fromLan.causes().stream().map(ChangedNode::describe).toList());
        assertTrue(
                fromLan.message()
                        .startsWith("packets arriving on eth1 or eth0 or sent by the router itself, among them every"
                                + " packet from 192.168.10.0/24 to 10.10.10.0/24, any protocol (proved; SA up)"),
                fromLan.message());
        assertEquals(1, impact.differences().size(), "the three ingresses change the same way: one difference");
    }

    @Test
    void renumberingRulesWithoutEffectIsProvedUnchanged() {
        List<String> renumbered = new ArrayList<>();
        for (String line : script(BRANCH, EXCLUDE, BLACKHOLE).lines().toList()) {
            renumbered.add(line.replace("rule 10 ", "rule 100 ").replace("rule 5 ", "rule 50 "));
        }
        RouterImpact impact =
                compare(script(BRANCH, EXCLUDE, BLACKHOLE), String.join("\n", renumbered) + "\n", SaMode.BOTH);
        assertTrue(impact.provedUnchanged(), impact.differences().toString() + impact.notes());
    }

    @Test
    void identicalVersionsAreProvedUnchanged() {
        RouterImpact impact = compare(script(BRANCH, EXCLUDE), script(BRANCH, EXCLUDE), SaMode.BOTH);
        assertTrue(impact.provedUnchanged());
    }

    @Test
    void aBlackholeRouteChangesOnlyWhatHappensWhileTheSaIsDown() {
        String before = script(BRANCH, EXCLUDE);
        String after = script(BRANCH, EXCLUDE, BLACKHOLE);
        assertTrue(compare(before, after, SaMode.UP).provedUnchanged());

        RouterImpact both = compare(before, after, SaMode.BOTH);
        assertTrue(both.proved(), both.notes().toString());
        assertFalse(both.differences().isEmpty());
        for (FateDifference difference : both.differences()) {
            assertEquals("down", difference.saState(), difference.message());
            assertEquals(Verdict.DROPPED, difference.after().verdict(), difference.message());
            assertEquals(Level.WARNING, difference.level());
            assertEquals(
                    List.of("added: protocols static route 10.10.10.0/24"),
                    difference.causes().stream().map(ChangedNode::describe).toList());
        }
        FateDifference fromLan = both.differences().stream()
                .filter(d -> d.before().packet().ingress().toString().equals("eth1"))
                .findFirst()
                .orElseThrow();
        assertEquals(Verdict.CLEARTEXT, fromLan.before().verdict(), fromLan.message());
    }

    /** Two WANs balanced for the LAN; the tunnel on eth0 with its exclude there, a masquerade on each WAN. */
    private static final List<String> DUAL_WAN = List.of(
            "set interfaces ethernet eth0 address '203.0.113.134/24'",
            "set interfaces ethernet eth1 address '192.168.10.1/24'",
            "set interfaces ethernet eth2 address '198.51.100.10/24'",
            "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
            "set vpn ipsec interface 'eth0'",
            "set vpn ipsec site-to-site peer east authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer east local-address '203.0.113.134'",
            "set vpn ipsec site-to-site peer east remote-address '192.0.2.150'",
            "set vpn ipsec site-to-site peer east tunnel 1 local prefix '192.168.10.0/24'",
            "set vpn ipsec site-to-site peer east tunnel 1 remote prefix '10.10.10.0/24'",
            "set nat source rule 5 destination address '10.10.10.0/24'",
            "set nat source rule 5 exclude",
            "set nat source rule 5 outbound-interface name 'eth0'",
            "set nat source rule 10 outbound-interface name 'eth0'",
            "set nat source rule 10 translation address 'masquerade'",
            "set nat source rule 20 outbound-interface name 'eth2'",
            "set nat source rule 20 translation address 'masquerade'",
            "set load-balancing wan disable-source-nat",
            "set load-balancing wan interface-health eth0 nexthop '203.0.113.1'",
            "set load-balancing wan interface-health eth2 nexthop '198.51.100.1'",
            "set load-balancing wan rule 10 inbound-interface 'eth1'",
            "set load-balancing wan rule 10 interface eth0",
            "set load-balancing wan rule 10 interface eth2");

    private static final List<String> LOAD_BALANCING_EXCLUDE = List.of(
            "set load-balancing wan rule 5 exclude",
            "set load-balancing wan rule 5 inbound-interface 'eth1'",
            "set load-balancing wan rule 5 destination address '10.10.10.0/24'");

    /**
     * Both versions balance, so the WAN choice is one input of both: removing the exclude rule changes only the
     * tunnel's traffic (regression: the new version used to get its first WAN whatever the old one chose, so the
     * solver found differences the replay did not confirm, an internal error).
     */
    @Test
    void removingALoadBalancingExcludeLeaksTheTunnelsTrafficByTheSecondWan() {
        // with the SA down (its policy removed) and main's blackhole for the remote prefix: the exclude kept the
        // packet on main, where the blackhole drops it; without it eth2's table routes it past the blackhole
        List<String> blackhole = List.of("set protocols static route 10.10.10.0/24 blackhole distance '254'");
        RouterImpact impact =
                compare(script(DUAL_WAN, blackhole, LOAD_BALANCING_EXCLUDE), script(DUAL_WAN, blackhole), SaMode.DOWN);

        assertTrue(impact.proved(), impact.notes().toString());
        FateDifference leak = impact.differences().stream()
                .filter(d -> d.after().verdict() == Verdict.CLEARTEXT
                        && "eth2".equals(d.after().egress()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(impact.differences().toString()));
        assertNotEquals(Verdict.CLEARTEXT, leak.before().verdict());
        assertEquals("eth2", leak.before().packet().wan());
        assertEquals("10.10.10.0/24", leak.affected().destinations(), leak.message());
    }

    @Test
    void withTheSaUpRemovingTheExcludeChangesNoEncryptedFateBecauseTheBundleLeavesByTheTunnelsWan() {
        // the SA's bundle is the packet's route from FORWARD on and its device is eth0 whichever table routed the
        // inner packet, so eth2's masquerade never sees it (docs/semantics/wan-load-balancing.md)
        RouterImpact impact = compare(script(DUAL_WAN, LOAD_BALANCING_EXCLUDE), script(DUAL_WAN), SaMode.UP);

        assertTrue(impact.proved(), impact.notes().toString());
        // only packets the tunnel does not select move to eth2; none the tunnel encrypted changes its fate
        assertTrue(
                impact.differences().stream()
                        .noneMatch(d -> d.before().verdict() == Verdict.ENCRYPTED
                                || d.after().verdict() == Verdict.ENCRYPTED),
                impact.differences().toString());
    }

    @Test
    void aLoadBalancerAddedByTheNewVersionChoosesItsWanAsAnInput() {
        List<String> withoutBalancer = DUAL_WAN.stream()
                .filter(line -> !line.startsWith("set load-balancing"))
                .toList();
        RouterImpact impact = compare(script(withoutBalancer), script(DUAL_WAN), SaMode.UP);

        assertTrue(impact.proved(), impact.notes().toString());
        // the internet traffic the balancer gives eth2 now leaves there; the tunnel's stays encrypted by eth0
        assertTrue(
                impact.differences().stream()
                        .anyMatch(d -> d.before().verdict() == Verdict.CLEARTEXT
                                && "eth0".equals(d.before().egress())
                                && "eth2".equals(d.after().egress())
                                && "eth2".equals(d.before().packet().wan())),
                impact.differences().toString());
        assertTrue(
                impact.differences().stream().noneMatch(d -> d.before().verdict() == Verdict.ENCRYPTED),
                impact.differences().toString());
    }

    private static RouterImpact compare(String before, String after, SaMode mode) {
        return ChangeImpact.compare(solver, version("before.set", before), version("after.set", after), mode);
    }

    private static RouterVersion version(String name, String text) {
        ConfigTree tree = ConfigReader.read(name, text);
        return new RouterVersion(RouterMapper.map(tree, null).router(), tree);
    }

    @SafeVarargs
    private static String script(List<String>... parts) {
        List<String> lines = new ArrayList<>();
        for (List<String> part : parts) lines.addAll(part);
        return String.join("\n", lines) + "\n";
    }
}
