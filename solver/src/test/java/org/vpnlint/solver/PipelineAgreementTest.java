package org.vpnlint.solver;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.microsoft.z3.BitVecExpr;
import com.microsoft.z3.BoolExpr;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatDirection;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.PortMatch;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.RouteKind;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.model.StaticRoute;

/**
 * The datapath pipeline built once over Z3 terms agrees with concrete replays: for random packets and SA states, Z3
 * proves that the symbolic outcome, with the input fixed to the packet, is exactly what the replay computed (verdict,
 * tunnel, egress, final header). The model module checks the same with an expression tree; this is the real solver.
 */
class PipelineAgreementTest {

    private static final SourceLocation HERE = SourceLocation.at("agreement.boot", 1, 1);

    /** The first article's router: SNAT rule 10 for the LAN, an exclude for half the remote prefix, DNAT to a host. */
    private static Router articleRouter() {
        NetInterface wan = new NetInterface(
                "eth0", InterfaceKind.ETHERNET, List.of(prefix("203.0.113.134/24")), false, false, null, false, HERE);
        NetInterface lan = new NetInterface(
                "eth1", InterfaceKind.ETHERNET, List.of(prefix("192.168.10.1/24")), false, false, null, false, HERE);
        StaticRoute defaultRoute =
                new StaticRoute(prefix("0.0.0.0/0"), RouteKind.NEXT_HOP, prefix("203.0.113.1"), null, 1, HERE);
        NatRule exclude = new NatRule(
                NatDirection.SOURCE,
                5,
                InterfaceMatch.of("eth0"),
                new PacketMatch(
                        AddressMatch.ANY,
                        range("10.10.10.0", "10.10.10.127"),
                        ProtocolMatch.ANY,
                        PortMatch.ANY,
                        PortMatch.ANY),
                NatTranslation.EXCLUDE,
                false,
                null,
                "nat source rule 5",
                HERE);
        NatRule snat = new NatRule(
                NatDirection.SOURCE,
                10,
                InterfaceMatch.of("eth0"),
                new PacketMatch(
                        range("192.168.10.0", "192.168.10.255"),
                        AddressMatch.ANY,
                        ProtocolMatch.ANY,
                        PortMatch.ANY,
                        PortMatch.ANY),
                new NatTranslation(
                        NatTranslation.Kind.ADDRESS, prefix("203.0.113.134").toSequentialRange(), null, null),
                false,
                null,
                "nat source rule 10",
                HERE);
        NatRule dnat = new NatRule(
                NatDirection.DESTINATION,
                20,
                InterfaceMatch.of("eth0"),
                new PacketMatch(
                        AddressMatch.ANY,
                        range("203.0.113.134", "203.0.113.134"),
                        ProtocolMatch.of(ProtocolMatch.TCP),
                        PortMatch.ANY,
                        PortMatch.ANY),
                new NatTranslation(
                        NatTranslation.Kind.ADDRESS, prefix("192.168.10.5").toSequentialRange(), null, null),
                false,
                null,
                "nat destination rule 20",
                HERE);
        IpsecTunnel tunnel = new IpsecTunnel(
                1,
                List.of(prefix("192.168.10.0/24")),
                List.of(prefix("10.10.10.0/24")),
                null,
                null,
                null,
                null,
                false,
                HERE);
        IpsecPeer peer = new IpsecPeer(
                "192.0.2.150",
                List.of("192.0.2.150"),
                "203.0.113.134",
                null,
                null,
                null,
                null,
                ConnectionType.INITIATE,
                null,
                null,
                List.of(tunnel),
                null,
                null,
                false,
                false,
                "vpn ipsec site-to-site peer 192.0.2.150",
                HERE);
        IpsecConfig ipsec = new IpsecConfig(
                List.of(peer), java.util.Map.of(), java.util.Map.of(), List.of(), List.of("eth0"), false, true, null);
        return new Router(
                "agreement",
                "agreement.boot",
                Dialect.VYOS_1_2,
                List.of(wan, lan),
                List.of(defaultRoute),
                new NatConfig(List.of(exclude, snat), List.of(dnat)),
                FirewallConfig.OPEN,
                ipsec);
    }

    @Test
    @SuppressWarnings("unchecked")
    void z3ProvesTheReplaysOutcomeForRandomPackets() {
        CompiledRouter router = CompiledRouter.compile(articleRouter(), AddressFamily.IPV4);
        try (Z3Solver solver = new Z3Solver();
                var query =
                        (SymbolicQuery<BoolExpr, BitVecExpr>) solver.newQuery("agreement", Duration.ofSeconds(20))) {
            SymbolicAlgebra<BoolExpr, BitVecExpr> a = query.algebra();
            PacketInput<BoolExpr, BitVecExpr> input =
                    PacketInput.fresh(router, FreshVariables.of(a::freshBits, a::freshBool), "");
            Outcome<BoolExpr, BitVecExpr> outcome = Datapath.evaluate(a, router, input);
            Random random = new Random(20261127);
            for (ConcretePacket packet : packets(random, 150)) {
                SaStates states = SaStates.allUp().with(router.tunnelAt(1).ref(), random.nextBoolean());
                PacketTrace replay = Datapath.replay(router, packet, states);
                BoolExpr sameInput = sameInput(a, router, input, PacketInput.of(a, router, packet, states));
                BoolExpr sameOutcome = a.and(
                        outcome.verdictIs(a, replay.verdict()),
                        a.and(
                                a.eq(
                                        outcome.tunnel(),
                                        a.bits(replay.tunnel() == null ? 0 : router.tunnelIndex(replay.tunnel()), 32)),
                                a.and(
                                        a.eq(
                                                outcome.egress(),
                                                a.bits(
                                                        replay.egress() == null
                                                                ? 0
                                                                : router.interfaceIndex(replay.egress()),
                                                        32)),
                                        a.and(
                                                a.eq(
                                                        outcome.finalHeader().src(),
                                                        a.bits(
                                                                value(replay.finalHeader()
                                                                        .src()),
                                                                32)),
                                                a.eq(
                                                        outcome.finalHeader().dst(),
                                                        a.bits(
                                                                value(replay.finalHeader()
                                                                        .dst()),
                                                                32))))));
                QueryResult result = query.check(a.and(sameInput, a.not(sameOutcome)));
                assertInstanceOf(
                        QueryResult.Proved.class,
                        result,
                        () -> "Z3 and the replay disagree on " + packet + " with " + states.describe() + ":\n"
                                + replay.render());
            }
        }
    }

    private static BoolExpr sameInput(
            SymbolicAlgebra<BoolExpr, BitVecExpr> a,
            CompiledRouter router,
            PacketInput<BoolExpr, BitVecExpr> fresh,
            PacketInput<BoolExpr, BitVecExpr> fixed) {
        BoolExpr same = a.and(
                a.eq(fresh.header().src(), fixed.header().src()),
                a.eq(fresh.header().dst(), fixed.header().dst()));
        same = a.and(same, a.eq(fresh.header().protocol(), fixed.header().protocol()));
        same = a.and(
                same,
                a.and(
                        a.eq(fresh.header().srcPort(), fixed.header().srcPort()),
                        a.eq(fresh.header().dstPort(), fixed.header().dstPort())));
        same = a.and(same, a.eq(fresh.ingress(), fixed.ingress()));
        for (int i = 0; i < router.tunnels().size(); i++) {
            same = a.and(
                    same,
                    a.ifBool(
                            fixed.saUp().get(i),
                            fresh.saUp().get(i),
                            a.not(fresh.saUp().get(i))));
        }
        return same;
    }

    /** Packets around the configuration's prefixes and interfaces: LAN, remote halves, WAN, the DNAT address. */
    private static List<ConcretePacket> packets(Random random, int count) {
        String[] sources = {"192.168.10.100", "192.168.10.7", "10.10.10.200", "198.51.100.9", "203.0.113.134"};
        String[] destinations = {"10.10.10.200", "10.10.10.5", "198.51.100.9", "203.0.113.134", "192.168.10.100"};
        String[] ingresses = {"eth0", "eth1", "local", "tunnel 1 of peer 192.0.2.150"};
        int[] protocols = {ProtocolMatch.TCP, ProtocolMatch.UDP, ProtocolMatch.GRE, ProtocolMatch.ICMP};
        List<ConcretePacket> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            packets.add(new ConcretePacket(
                    prefix(sources[random.nextInt(sources.length)]),
                    prefix(destinations[random.nextInt(destinations.length)]),
                    protocols[random.nextInt(protocols.length)],
                    1024 + random.nextInt(100),
                    random.nextBoolean() ? 22 : 443,
                    Ingress.parse(ingresses[random.nextInt(ingresses.length)])));
        }
        return packets;
    }

    private static java.math.BigInteger value(IPAddress address) {
        return AddressFamily.IPV4.valueOf(address);
    }

    private static IPAddress prefix(String text) {
        return new IPAddressString(text).getAddress();
    }

    private static AddressMatch range(String low, String high) {
        return new AddressMatch(List.of(prefix(low).spanWithRange(prefix(high))), false, low + "-" + high);
    }
}
