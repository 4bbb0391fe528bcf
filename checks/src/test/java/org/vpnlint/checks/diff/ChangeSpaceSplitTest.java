package org.vpnlint.checks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.datapath.TunnelTrafficSlice;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.ConfigTree;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Z3Solver;

/**
 * A change space on a router with hundreds of source NAT rules is cut into boxes that cover it exactly, each light;
 * the comparison asked box by box finds the same differences and proves the same absence of differences.
 */
class ChangeSpaceSplitTest {

    /** Peers and rules as the benchmark writes them: one tunnel, its exclude, and 300 masquerades of LAN /24s. */
    private static final String HUB = hub();

    private static final String EXCLUDE = String.join(
                    "\n",
                    "set nat source rule 5 outbound-interface name 'eth0'",
                    "set nat source rule 5 destination address '172.16.0.0/24'",
                    "set nat source rule 5 exclude")
            + "\n";

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
    void aLightSpaceIsItsOwnOneBox() {
        String small = HUB.lines()
                        .filter(line -> !line.startsWith("set nat source rule 1"))
                        .reduce("", (out, line) -> out + line + "\n")
                + EXCLUDE;
        ChangeSpace space = new ChangeSpace(null, List.of(prefix("172.16.0.0/24")));
        assertEquals(List.of(space), boxes(small, space));
    }

    @Test
    void aHeavySpaceIsCutIntoLightBoxesThatCoverItExactly() {
        ChangeSpace space = new ChangeSpace(null, List.of(prefix("172.16.0.0/24")));
        List<ChangeSpace> boxes = boxes(HUB + EXCLUDE, space);
        assertTrue(boxes.size() > 1, boxes.toString());
        TunnelTrafficSlice slices = slices(HUB + EXCLUDE);
        BigInteger covered = BigInteger.ZERO;
        BigInteger previousEnd = BigInteger.ZERO;
        for (ChangeSpace box : boxes) {
            assertEquals(space.destinations(), box.destinations(), "only the sources are cut");
            assertTrue(
                    slices.weight(box.sources(), box.destinations()) <= ChangeSpaceSplit.WEIGHT_PER_BOX,
                    box.toString());
            for (IPAddress source : box.sources()) {
                assertEquals(previousEnd, source.getValue(), "in address order, without gaps or overlaps: " + box);
                previousEnd = source.getUpperValue().add(BigInteger.ONE);
                covered = covered.add(source.getCount());
            }
        }
        assertEquals(BigInteger.ONE.shiftLeft(32), covered, "every source address is in one box");
    }

    @Test
    void removingTheExcludeIsFoundAndTheRestProvedBoxByBox() {
        RouterImpact impact = compare(HUB + EXCLUDE, HUB, SaMode.BOTH);
        assertTrue(impact.proved(), impact.notes().toString());
        FateDifference leak = impact.differences().stream()
                .filter(d -> d.level() == Level.ERROR)
                .findFirst()
                .orElseThrow(() -> new AssertionError(impact.differences().toString()));
        assertEquals(Verdict.ENCRYPTED, leak.before().verdict());
        assertEquals("10.0.0.100", leak.before().packet().header().srcText(), leak.message());
        assertTrue(
                impact.differences().stream()
                        .allMatch(d -> d.before().verdict() == Verdict.ENCRYPTED
                                || d.before().verdict() == Verdict.CLEARTEXT),
                "the other classes are cleartext whose source is now translated");
    }

    @Test
    void aRuleMovedWithoutEffectIsProvedUnchangedOverEveryBox() {
        String moved = EXCLUDE.replace("rule 5 ", "rule 6 ");
        RouterImpact impact = compare(HUB + EXCLUDE, HUB + moved, SaMode.BOTH);
        assertTrue(impact.provedUnchanged(), impact.differences() + " " + impact.notes());
    }

    private static String hub() {
        StringBuilder out = new StringBuilder();
        out.append("set interfaces ethernet eth0 address '203.0.113.1/24'\n");
        out.append("set interfaces ethernet eth1 address '10.0.0.1/8'\n");
        out.append("set protocols static route 0.0.0.0/0 next-hop '203.0.113.254'\n");
        out.append("set vpn ipsec interface 'eth0'\n");
        String peer = "set vpn ipsec site-to-site peer site0 ";
        out.append(peer).append("remote-address '198.51.100.7'\n");
        out.append(peer).append("local-address '203.0.113.1'\n");
        out.append(peer).append("authentication mode 'pre-shared-secret'\n");
        out.append(peer).append("tunnel 1 local prefix '10.0.0.0/24'\n");
        out.append(peer).append("tunnel 1 remote prefix '172.16.0.0/24'\n");
        for (int n = 0; n < 300; n++) {
            String rule = "set nat source rule " + (1000 + n) + " ";
            out.append(rule).append("outbound-interface name 'eth0'\n");
            out.append(rule)
                    .append("source address '10.")
                    .append(n / 256)
                    .append('.')
                    .append(n % 256)
                    .append(".0/24'\n");
            out.append(rule).append("translation address 'masquerade'\n");
        }
        return out.toString();
    }

    private static List<ChangeSpace> boxes(String text, ChangeSpace space) {
        TunnelTrafficSlice slices = slices(text);
        return ChangeSpaceSplit.boxes(space, AddressFamily.IPV4, slices, slices);
    }

    private static TunnelTrafficSlice slices(String text) {
        RouterVersion version = version("router.set", text);
        return TunnelTrafficSlice.of(version.router(), CompiledRouter.compile(version.router(), AddressFamily.IPV4));
    }

    private static RouterImpact compare(String before, String after, SaMode mode) {
        return ChangeImpact.compare(solver, version("before.set", before), version("after.set", after), mode);
    }

    private static RouterVersion version(String name, String text) {
        ConfigTree tree = ConfigReader.read(name, text);
        return new RouterVersion(RouterMapper.map(tree, null).router(), tree);
    }

    private static IPAddress prefix(String text) {
        return new inet.ipaddr.IPAddressString(text).getAddress();
    }
}
