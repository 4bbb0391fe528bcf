package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.source;

import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.ExpressionAlgebra.Node;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.Router;

/**
 * The symbolic pipeline over 1,000 tunnels, 5,000 NAT rules and 1,000 filter rules builds in well under a few seconds,
 * and its size grows linearly: first-match chains are folds, every match predicate is built once.
 */
class ScaleTest {

    static Router syntheticRouter(int tunnels, int natRules, int filterRules) {
        return syntheticRouter(tunnels, natRules, filterRules, true);
    }

    /**
     * Like bench's SyntheticRouter: tunnel i protects 10.x.y.0/24 → 172.x.y.0/24, every other tunnel has its NAT
     * exclude, then masquerade and port SNAT rules for LAN /16s; optionally a blackhole route per remote prefix.
     */
    static Router syntheticRouter(int tunnels, int natRules, int filterRules, boolean blackholes) {
        RouterFixture fixture = RouterFixture.vyos14()
                .ethernet("eth0", "203.0.113.1/24")
                .ethernet("eth1", "10.0.0.1/8")
                .route("0.0.0.0/0", "203.0.113.254");
        for (int i = 0; i < tunnels; i++) {
            fixture.peer(RouterFixture.peer("site" + i)
                    .remote(publicAddress(i))
                    .local("203.0.113.1")
                    .tunnel(1, localPrefix(i), remotePrefix(i)));
            if (blackholes) fixture.blackhole(remotePrefix(i), 254);
        }
        int rule = 1;
        for (int i = 0; i < tunnels && rule <= natRules; i += 2, rule++) {
            fixture.nat(source(rule).onInterface("eth0").to(remotePrefix(i)).exclude());
        }
        for (int n = 0; rule <= natRules; n++, rule++) {
            RouterFixture.Nat nat = source(10_000 + n).onInterface("eth0").from("10." + n % 256 + ".0.0/16");
            fixture.nat(
                    n % 2 == 0
                            ? nat.masquerade()
                            : nat.protocol(6)
                                    .destinationPorts(1024 + n % 60000, 1024 + n % 60000)
                                    .translateTo("203.0.113." + (2 + n % 250)));
        }
        for (int k = 1; k <= filterRules; k++) {
            fixture.forwardRule(
                    k,
                    k % 3 == 0 ? FirewallAction.DROP : FirewallAction.ACCEPT,
                    null,
                    RouterFixture.matching("10." + k % 256 + "." + k / 256 % 256 + ".0/24", null),
                    null);
        }
        return fixture.build();
    }

    private static String publicAddress(int i) {
        return "198." + (18 + i / 65536) + "." + (i / 256 % 256) + "." + (i % 256);
    }

    private static String localPrefix(int i) {
        return "10." + (i / 256 % 256) + "." + (i % 256) + ".0/24";
    }

    private static String remotePrefix(int i) {
        return "172." + (16 + i / 256 % 16) + "." + (i % 256) + ".0/24";
    }

    private static int symbolicSize(Router router) {
        CompiledRouter compiled = CompiledRouter.compile(router, AddressFamily.IPV4);
        ExpressionAlgebra algebra = new ExpressionAlgebra();
        PacketInput<Node, Node> input =
                PacketInput.fresh(compiled, FreshVariables.of(algebra::variable, algebra::booleanVariable), "");
        Datapath.evaluate(algebra, compiled, input);
        return algebra.size();
    }

    /** Time is measured by bench/run, not here; what a test can pin is that the formula stays linear in size. */
    @Test
    void aThousandTunnelsAndFiveThousandNatRulesGiveAFormulaOfAtMostAHundredNodesPerConfigurationItem() {
        int size = symbolicSize(syntheticRouter(1000, 5000, 1000));

        assertTrue(size < 100 * (1000 + 5000 + 1000), "the symbolic pipeline has " + size + " nodes");
    }

    @Test
    void theSymbolicPipelineGrowsLinearly() {
        int half = symbolicSize(syntheticRouter(500, 2500, 500));
        int full = symbolicSize(syntheticRouter(1000, 5000, 1000));

        assertTrue(
                full < 2.3 * half,
                "doubling the configuration grew the pipeline from " + half + " to " + full + " nodes");
    }

    @Test
    void aConcreteReplayOnTheLargeRouterFindsTheMissingExclude() {
        Router router = syntheticRouter(1000, 5000, 0, false);
        // tunnel 3*256+7 = 775 is odd: it has no exclude, so SNAT rule 10003 (10.3.0.0/16 tcp 1027) captures it
        ConcretePacket captured =
                ConcretePacket.tcp("10.3.7.9", 4000, "172.19.7.20", 1027, Ingress.onInterface("eth1"));
        ConcretePacket excluded =
                ConcretePacket.tcp("10.3.6.9", 4000, "172.19.6.20", 1027, Ingress.onInterface("eth1"));

        PacketTrace leak = Datapath.replay(router, captured, SaStates.allUp());
        PacketTrace protectedTrace = Datapath.replay(router, excluded, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, leak.verdict());
        assertEquals("203.0.113.5", leak.finalHeader().srcText());
        assertEquals(new TunnelRef("site774", 1), protectedTrace.tunnel());
    }

    @Test
    void withoutALocalAddressInsideTheLocalPrefixTheBlackholeGuardWinsEvenWithTheSaUp() {
        // eth1 is 10.0.0.1/8, inside no tunnel's local /24: strongSwan installs no table-220 route
        Router router = syntheticRouter(20, 20, 0, true);
        ConcretePacket packet = ConcretePacket.udp("10.0.7.9", 4000, "172.16.7.20", 53, Ingress.onInterface("eth1"));

        assertEquals(
                DropReason.BLACKHOLE_ROUTE,
                Datapath.replay(router, packet, SaStates.allUp()).dropReason());
    }
}
