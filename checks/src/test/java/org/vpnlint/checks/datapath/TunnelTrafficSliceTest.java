package org.vpnlint.checks.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.checks.datapath.BranchOffice.ARTICLE_TUNNEL;
import static org.vpnlint.checks.datapath.BranchOffice.BRANCH_1_2;
import static org.vpnlint.checks.datapath.BranchOffice.script;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpnlint.checks.RuleCheck;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Selectors;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;
import org.vpnlint.solver.Z3Solver;

/**
 * A tunnel's question asked of its slice has the same answer as asked of the whole router: for every verdict, and
 * with or without source NAT and its SA up or down, a packet of the tunnel's traffic exists in both or in neither.
 */
class TunnelTrafficSliceTest {

    /** A second tunnel, 192.168.20.0/24 ↔ 10.20.20.0/24, to the same peer. */
    private static final List<String> SECOND_TUNNEL = List.of(
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 2 local prefix '192.168.20.0/24'",
            "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 2 remote prefix '10.20.20.0/24'");

    /**
     * Tunnels to two more peers: one whose local prefix holds 10.10.10.0/24 (it can act on tunnel 1's traffic), one
     * between the peers' own addresses (it can act on the ESP packets of 192.0.2.150), one to another network.
     */
    private static final List<String> OTHER_PEERS = List.of(
            "set vpn ipsec site-to-site peer 198.51.100.7 authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer 198.51.100.7 authentication pre-shared-secret 's3cret-two'",
            "set vpn ipsec site-to-site peer 198.51.100.7 default-esp-group 'ESP'",
            "set vpn ipsec site-to-site peer 198.51.100.7 ike-group 'IKE'",
            "set vpn ipsec site-to-site peer 198.51.100.7 local-address '203.0.113.134'",
            "set vpn ipsec site-to-site peer 198.51.100.7 tunnel 1 local prefix '10.10.0.0/16'",
            "set vpn ipsec site-to-site peer 198.51.100.7 tunnel 1 remote prefix '172.20.0.0/16'",
            "set vpn ipsec site-to-site peer 198.51.100.7 tunnel 2 local prefix '203.0.113.134/32'",
            "set vpn ipsec site-to-site peer 198.51.100.7 tunnel 2 remote prefix '192.0.2.0/24'",
            "set vpn ipsec site-to-site peer 198.51.100.9 authentication mode 'pre-shared-secret'",
            "set vpn ipsec site-to-site peer 198.51.100.9 authentication pre-shared-secret 's3cret-three'",
            "set vpn ipsec site-to-site peer 198.51.100.9 default-esp-group 'ESP'",
            "set vpn ipsec site-to-site peer 198.51.100.9 ike-group 'IKE'",
            "set vpn ipsec site-to-site peer 198.51.100.9 local-address '203.0.113.134'",
            "set vpn ipsec site-to-site peer 198.51.100.9 tunnel 1 local prefix '192.168.10.0/24'",
            "set vpn ipsec site-to-site peer 198.51.100.9 tunnel 1 remote prefix '10.99.0.0/16'");

    static Stream<String> routers() {
        return Stream.of(
                // an exclude for tunnel 1 only, masquerade of both LANs, a SNAT of an unrelated network
                script(
                        BRANCH_1_2,
                        ARTICLE_TUNNEL,
                        SECOND_TUNNEL,
                        List.of(
                                "set nat source rule 5 outbound-interface 'eth0'",
                                "set nat source rule 5 destination address '10.10.10.0/24'",
                                "set nat source rule 5 exclude",
                                "set nat source rule 10 outbound-interface 'eth0'",
                                "set nat source rule 10 source address '192.168.0.0/16'",
                                "set nat source rule 10 translation address 'masquerade'",
                                "set nat source rule 20 outbound-interface 'eth0'",
                                "set nat source rule 20 source address '172.16.0.0/12'",
                                "set nat source rule 20 translation address '203.0.113.135'")),
                // a negated source, an exclude numbered too late, a rule for the ESP packets
                script(
                        BRANCH_1_2,
                        ARTICLE_TUNNEL,
                        SECOND_TUNNEL,
                        List.of(
                                "set nat source rule 10 outbound-interface 'eth0'",
                                "set nat source rule 10 source address '!192.168.10.0/24'",
                                "set nat source rule 10 translation address 'masquerade'",
                                "set nat source rule 20 outbound-interface 'eth0'",
                                "set nat source rule 20 destination address '10.20.20.0/24'",
                                "set nat source rule 20 exclude",
                                "set nat source rule 30 outbound-interface 'eth0'",
                                "set nat source rule 30 destination address '192.0.2.150'",
                                "set nat source rule 30 translation address '203.0.113.136'",
                                "set nat source rule 40 outbound-interface 'eth0'",
                                "set nat source rule 40 source address '192.168.20.0/24'",
                                "set nat source rule 40 translation address '203.0.113.137'")),
                // firewall rules for one tunnel's networks, another network, and the peer
                script(
                        BRANCH_1_2,
                        ARTICLE_TUNNEL,
                        SECOND_TUNNEL,
                        List.of(
                                "set nat source rule 10 outbound-interface 'eth0'",
                                "set nat source rule 10 translation address 'masquerade'",
                                "set firewall name OUT default-action 'accept'",
                                "set firewall name OUT rule 10 action 'drop'",
                                "set firewall name OUT rule 10 destination address '10.20.20.0/24'",
                                "set firewall name OUT rule 20 action 'drop'",
                                "set firewall name OUT rule 20 source address '172.31.0.0/16'",
                                "set firewall name OUT rule 30 action 'drop'",
                                "set firewall name OUT rule 30 destination address '192.0.2.150'",
                                "set interfaces ethernet eth0 firewall out name 'OUT'")),
                // tunnels to other peers, some of which can act on the first peer's traffic or its ESP packets
                script(
                        BRANCH_1_2,
                        ARTICLE_TUNNEL,
                        SECOND_TUNNEL,
                        OTHER_PEERS,
                        List.of(
                                "set nat source rule 10 outbound-interface 'eth0'",
                                "set nat source rule 10 destination address '172.20.0.0/16'",
                                "set nat source rule 10 translation address '10.10.10.1'",
                                "set nat source rule 20 outbound-interface 'eth0'",
                                "set nat source rule 20 translation address 'masquerade'")));
    }

    @ParameterizedTest
    @MethodSource("routers")
    void eachTunnelsSliceAnswersAsTheWholeRouter(String config) {
        Router router = RuleCheck.wholeRouter("slice.conf", config, Dialect.VYOS_1_2);
        CompiledRouter whole = CompiledRouter.compile(router, AddressFamily.IPV4);
        List<CompiledTunnel> tunnels =
                whole.tunnels().stream().filter(CompiledTunnel::hasPolicies).toList();
        assertTrue(tunnels.size() >= 2);
        TunnelTrafficSlice slices = TunnelTrafficSlice.of(router, whole);
        try (Z3Solver solver = new Z3Solver()) {
            for (CompiledTunnel tunnel : tunnels) {
                CompiledRouter own = CompiledRouter.compile(slices.forTunnel(tunnel), AddressFamily.IPV4);
                for (PacketGoal goal : goals(tunnel)) {
                    String expected = kind(DatapathQuestion.ask(solver, whole, "whole", goal, preferences(tunnel)));
                    Answer answer = DatapathQuestion.ask(solver, own, "own", goal, preferences(tunnel));
                    assertEquals(expected, kind(answer), tunnel.ref() + " " + goal);
                    if (answer instanceof Answer.Found found) {
                        // the rules' findings show the replay on the slice: it must be the whole router's
                        assertEquals(
                                observable(Datapath.replay(whole, found.packet(), found.states())),
                                observable(Datapath.replay(own, found.packet(), found.states())),
                                tunnel.ref() + " " + goal);
                        assertTrue(WitnessReplay.holds(whole, found, goal), tunnel.ref() + " " + goal);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("routers")
    void theSliceLeavesOutRulesThatNameOtherNetworks(String config) {
        Router router = RuleCheck.wholeRouter("slice.conf", config, Dialect.VYOS_1_2);
        CompiledRouter whole = CompiledRouter.compile(router, AddressFamily.IPV4);
        CompiledTunnel first = whole.tunnels().get(0);
        Router sliced = TunnelTrafficSlice.of(router, whole).forTunnel(first);
        int rules = router.nat().sourceRules().size()
                + router.firewall().ipv4().named().values().stream()
                        .mapToInt(chain -> chain.rules().size())
                        .sum();
        int kept = sliced.nat().sourceRules().size()
                + sliced.firewall().ipv4().named().values().stream()
                        .mapToInt(chain -> chain.rules().size())
                        .sum();
        assertTrue(kept < rules, "the slice of " + first.ref() + " keeps all " + rules + " rules");
    }

    /**
     * A slice for packets of one source and one destination ({@link TunnelTrafficSlice#forPackets}, as {@code diff}
     * asks) replays every such packet as the whole router does, from every ingress, SA up and down; a packet
     * decrypted by a tunnel the slice left out is one the whole router drops (so both versions of a change agree).
     */
    @ParameterizedTest
    @MethodSource("routers")
    void aSliceForKnownPacketsReplaysThemAsTheWholeRouter(String config) {
        // with tunnels to other peers: their local selectors hold some of the addresses below
        String withPeers = config.contains("198.51.100.7") ? config : config + script(OTHER_PEERS);
        Router router = RuleCheck.wholeRouter("slice.conf", withPeers, Dialect.VYOS_1_2);
        CompiledRouter whole = CompiledRouter.compile(router, AddressFamily.IPV4);
        TunnelTrafficSlice slices = TunnelTrafficSlice.of(router, whole);
        List<String> addresses = List.of(
                "192.168.10.100",
                "192.168.20.100",
                "10.10.10.200",
                "10.20.20.200",
                "10.10.99.1",
                "172.20.1.1",
                "192.0.2.150",
                "198.51.100.7",
                "203.0.113.134",
                "8.8.8.8",
                "10.99.1.1");
        List<Ingress> ingresses =
                new ArrayList<>(List.of(Ingress.onInterface("eth0"), Ingress.onInterface("eth1"), Ingress.local()));
        whole.tunnels().forEach(tunnel -> ingresses.add(Ingress.decryptedBy(tunnel.ref())));
        int compared = 0;
        for (String source : addresses) {
            for (String destination : addresses) {
                IPAddress src = ConcretePacket.address(source);
                IPAddress dst = ConcretePacket.address(destination);
                CompiledRouter sliced =
                        CompiledRouter.compile(slices.forPackets(List.of(src), List.of(dst)), AddressFamily.IPV4);
                for (Ingress ingress : ingresses) {
                    for (ConcretePacket packet : List.of(
                            new ConcretePacket(src, dst, 6, 1024, 22, ingress),
                            new ConcretePacket(src, dst, 17, 500, 500, ingress),
                            new ConcretePacket(src, dst, 50, 0, 0, ingress))) {
                        for (SaStates states : List.of(SaStates.allUp(), SaStates.allDown())) {
                            PacketTrace onWhole = Datapath.replay(whole, packet, states);
                            if (ingress.kind() == Ingress.Kind.DECRYPTED && sliced.tunnelIndex(ingress.tunnel()) == 0) {
                                assertEquals(Verdict.DROPPED, onWhole.verdict(), packet + " " + states.describe());
                                continue;
                            }
                            assertEquals(
                                    observable(onWhole),
                                    observable(Datapath.replay(sliced, packet, states)),
                                    packet + " " + states.describe());
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @org.junit.jupiter.api.Test
    void theSliceKeepsTheTunnelsThatMayActOnTheTrafficOrItsEspPackets() {
        Router router = RuleCheck.wholeRouter(
                "slice.conf", script(BRANCH_1_2, ARTICLE_TUNNEL, SECOND_TUNNEL, OTHER_PEERS), Dialect.VYOS_1_2);
        CompiledRouter whole = CompiledRouter.compile(router, AddressFamily.IPV4);
        CompiledTunnel first = whole.tunnels().get(0);
        CompiledRouter sliced =
                CompiledRouter.compile(TunnelTrafficSlice.of(router, whole).forTunnel(first), AddressFamily.IPV4);
        // 198.51.100.7's tunnel 1 (local 10.10.0.0/16 holds tunnel 1's destinations) and tunnel 2 (its remote
        // 192.0.2.0/24 holds the ESP packets' destination); not 192.0.2.150's tunnel 2 (10.20.20.0/24), not
        // 198.51.100.9
        assertEquals(
                List.of(
                        "tunnel 1 of peer 192.0.2.150",
                        "tunnel 1 of peer 198.51.100.7",
                        "tunnel 2 of peer 198.51.100.7"),
                sliced.tunnels().stream().map(tunnel -> tunnel.ref().toString()).toList());
    }

    private static List<PacketGoal> goals(CompiledTunnel tunnel) {
        List<PacketGoal> goals = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            for (boolean natted : List.of(true, false)) {
                for (boolean saUp : List.of(true, false))
                    goals.add(new TunnelTraffic(tunnel.ref(), verdict, natted, saUp));
            }
        }
        return goals;
    }

    private static WitnessPreferences preferences(CompiledTunnel tunnel) {
        return new WitnessPreferences(tunnel.localSelectors(), tunnel.remoteSelectors());
    }

    /** Everything a finding shows of a replay: the fate and every step. */
    private static List<Object> observable(PacketTrace trace) {
        return List.of(
                trace.verdict(),
                String.valueOf(trace.tunnel()),
                String.valueOf(trace.egress()),
                String.valueOf(trace.finalHeader()),
                String.valueOf(trace.outerHeader()),
                String.valueOf(trace.dropReason()),
                trace.steps().stream().map(TunnelTrafficSliceTest::shown).toList());
    }

    /**
     * A step as a finding shows it. The step's records differ between slice and router in what no finding shows:
     * the numbers the compiled router gives its tunnels and filter rules.
     */
    private static List<Object> shown(TraceStep step) {
        return Arrays.asList(step.stageId(), StepText.detail(step), step.location(), StepText.header(step));
    }

    private static String kind(Answer answer) {
        return answer.getClass().getSimpleName();
    }

    /** Traffic of the tunnel (after DNAT), from a network or the router, its SA up or down, with this fate. */
    private record TunnelTraffic(TunnelRef tunnelRef, Verdict verdict, boolean sourceNatted, boolean saUp)
            implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            int tunnelIndex = router.tunnelIndex(tunnelRef);
            B goal = Ingresses.fromNetworkOrLocal(a, router, packet);
            B up = packet.saUp().get(tunnelIndex - 1);
            goal = a.and(goal, saUp ? up : a.not(up));
            goal = a.and(goal, Selectors.outbound(a, router, outcome.afterDestinationNat(), tunnelIndex));
            goal = a.and(goal, sourceNatted ? outcome.sourceNatted() : a.not(outcome.sourceNatted()));
            return a.and(goal, outcome.verdictIs(a, verdict));
        }
    }
}
