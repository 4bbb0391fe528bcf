package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.ExpressionAlgebra.value;
import static org.vpnlint.datapath.RouterFixture.destination;
import static org.vpnlint.datapath.RouterFixture.matching;
import static org.vpnlint.datapath.RouterFixture.source;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vpnlint.datapath.ExpressionAlgebra.Node;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * The pipeline evaluated once symbolically (fresh variables, no constant folding) agrees with concrete replays:
 * for many packets and SA states, the symbolic outcome terms evaluated under the packet's values equal the
 * concrete outcome. The Z3 version of this test lives in module solver.
 */
class SymbolicAgreementTest {

    static Stream<Arguments> routers() {
        RouterFixture chains = SeedScenarioTest.firstArticle().forwardDefault(FirewallAction.DROP);
        chains.namedChain(
                "LAN_OUT",
                FirewallAction.DROP,
                chains.rule(10, FirewallAction.RETURN, matching(null, "10.10.10.0/24")));
        return Stream.of(
                Arguments.of(
                        "snat without exclude",
                        SeedScenarioTest.firstArticle()
                                .nat(source(10)
                                        .onInterface("eth0")
                                        .from("192.168.10.0/24")
                                        .translateTo("203.0.113.134"))
                                .build()),
                Arguments.of(
                        "nat into the tunnel, respond",
                        RouterFixture.vyos13()
                                .ethernet("eth0", "203.0.113.134/24")
                                .ethernet("eth1", "192.168.10.1/24")
                                .route("0.0.0.0/0", "203.0.113.1")
                                .peer(RouterFixture.peer("192.0.2.150")
                                        .local("203.0.113.134")
                                        .connectionType(ConnectionType.RESPOND)
                                        .tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                                .peer(RouterFixture.peer("192.0.2.160")
                                        .local("203.0.113.134")
                                        .tunnel(1, "192.168.10.0/24", "10.10.0.0/16"))
                                .nat(source(10)
                                        .from("192.168.10.45")
                                        .to("10.10.10.55")
                                        .translateTo("172.16.17.45"))
                                .nat(source(20).onInterface("eth0").masquerade())
                                .nat(destination(10).to("172.16.17.45").translateTo("192.168.10.45"))
                                .blackhole("10.10.0.0/16", 254)
                                .build()),
                Arguments.of(
                        "dummy design",
                        SeedScenarioTest.dummyDesign("198.51.100.2", ConnectionType.RESPOND)
                                .route("0.0.0.0/0", "192.0.2.1")
                                .nat(source(100).onInterface("eth0").masquerade())
                                .build()),
                Arguments.of("canonical gre", SeedScenarioTest.canonicalGre()),
                Arguments.of(
                        "firewall chains",
                        chains.forwardRule(10, FirewallAction.JUMP, "LAN_OUT", matching(null, null), "eth1")
                                .forwardRule(20, FirewallAction.ACCEPT, null, matching("192.168.10.0/24", null), null)
                                .nat(destination(5)
                                        .onInterface("eth0")
                                        .to("203.0.113.134")
                                        .protocol(ProtocolMatch.TCP)
                                        .destinationPorts(8000, 8100)
                                        .translateTo("192.168.10.5", 80))
                                .build()),
                Arguments.of(
                        "rules found by address",
                        SeedScenarioTest.firstArticle()
                                .nat(source(5)
                                        .onInterface("eth0")
                                        .notFrom("192.168.10.0/25")
                                        .to("10.10.10.0/24")
                                        .exclude())
                                .nat(source(10)
                                        .onInterface("eth0")
                                        .from("192.168.10.128/26", "192.168.0.0/16")
                                        .translateTo("203.0.113.134"))
                                .nat(source(20)
                                        .onInterface("eth0")
                                        .to("198.51.100.0/24")
                                        .masquerade())
                                .nat(source(30).onInterface("eth0").masquerade())
                                .forwardRule(10, FirewallAction.DROP, null, matching("192.168.10.64/26", null), null)
                                .forwardRule(20, FirewallAction.ACCEPT, null, matching(null, "10.10.10.0/25"), null)
                                .forwardRule(
                                        30,
                                        FirewallAction.DROP,
                                        null,
                                        matching("192.168.10.0/24", "10.10.10.0/24"),
                                        null)
                                .build()),
                Arguments.of(
                        "edgeos auto exclude",
                        RouterFixture.of(Dialect.EDGEOS)
                                .ethernet("eth0", "203.0.113.134/24")
                                .ethernet("eth1", "192.168.10.1/24")
                                .route("0.0.0.0/0", "203.0.113.1")
                                .peer(RouterFixture.peer("192.0.2.150")
                                        .local("203.0.113.134")
                                        .forceUdpEncapsulation()
                                        .tunnel(1, "192.168.10.0/24", "10.10.10.0/24"))
                                .nat(source(5010).onInterface("eth0").masquerade())
                                .autoFirewallNatExclude()
                                .build()),
                Arguments.of(
                        "ipv6",
                        RouterFixture.vyos14()
                                .ethernet("eth0", "2001:db8:ff::134/64")
                                .ethernet("eth1", "2001:db8:10::1/64")
                                .route("::/0", "2001:db8:ff::1")
                                .peer(RouterFixture.peer("branch")
                                        .remote("2001:db8:beef::150")
                                        .local("2001:db8:ff::134")
                                        .tunnel(1, "2001:db8:10::/64", "2001:db8:aaaa::/64"))
                                .nat(source(10)
                                        .onInterface("eth0")
                                        .from("2001:db8:10::/64")
                                        .translateTo("2001:db8:ff::134"))
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routers")
    void symbolicOutcomeEvaluatesToTheConcreteOne(String name, Router router) {
        AddressFamily family = router.interfaces().stream()
                        .flatMap(i -> i.addresses().stream())
                        .anyMatch(a -> a.isIPv4())
                ? AddressFamily.IPV4
                : AddressFamily.IPV6;
        CompiledRouter compiled = CompiledRouter.compile(router, family);
        ExpressionAlgebra algebra = new ExpressionAlgebra();
        PacketInput<Node, Node> input =
                PacketInput.fresh(compiled, FreshVariables.of(algebra::variable, algebra::booleanVariable), "p.");
        Outcome<Node, Node> symbolic = Datapath.evaluate(algebra, compiled, input);

        Random random = new Random(name.hashCode());
        List<BigInteger> addresses = interestingAddresses(compiled);
        for (int i = 0; i < 250; i++) {
            ConcretePacket packet = randomPacket(random, compiled, addresses);
            SaStates states = randomStates(random, compiled);
            Map<String, BigInteger> assignment = assignment(compiled, packet, states);
            assertEquals(packet, PacketInput.decodePacket(compiled, assignment, "p."));

            PacketTrace concrete = Datapath.replay(compiled, packet, states);
            BigInteger[] values = algebra.evaluateAll(assignment);
            String context = name + ": " + packet + ", " + states.describe() + "\n" + concrete.render();
            assertEquals(BigInteger.ONE, value(values, symbolic.wellFormed()), context);
            assertEquals(
                    concrete.verdict().code(), value(values, symbolic.verdict()).intValue(), context);
            int reason = concrete.dropReason() == null
                    ? DropReason.NONE.code()
                    : concrete.dropReason().code();
            assertEquals(reason, value(values, symbolic.dropReason()).intValue(), context);
            int tunnel = concrete.tunnel() == null ? 0 : compiled.tunnelIndex(concrete.tunnel());
            assertEquals(tunnel, value(values, symbolic.tunnel()).intValue(), context);
            int egress = concrete.egress() == null ? 0 : compiled.interfaceIndex(concrete.egress());
            assertEquals(egress, value(values, symbolic.egress()).intValue(), context);
            assertEquals(concrete.finalHeader(), header(values, symbolic.finalHeader(), family), context);
            if (concrete.outerHeader() != null) {
                assertEquals(concrete.outerHeader(), header(values, symbolic.outerHeader(), family), context);
            }
        }
    }

    private static ConcreteHeader header(BigInteger[] values, Header<Node> header, AddressFamily family) {
        return new ConcreteHeader(
                family.addressOf(value(values, header.src())),
                family.addressOf(value(values, header.dst())),
                value(values, header.protocol()).intValue(),
                value(values, header.srcPort()).intValue(),
                value(values, header.dstPort()).intValue());
    }

    private static Map<String, BigInteger> assignment(CompiledRouter router, ConcretePacket packet, SaStates states) {
        AddressFamily family = router.family();
        Map<String, BigInteger> values = new HashMap<>();
        values.put("p." + PacketInput.SRC, family.valueOf(packet.src()));
        values.put("p." + PacketInput.DST, family.valueOf(packet.dst()));
        values.put("p." + PacketInput.PROTOCOL, BigInteger.valueOf(packet.protocol()));
        values.put("p." + PacketInput.SRC_PORT, BigInteger.valueOf(packet.srcPort()));
        values.put("p." + PacketInput.DST_PORT, BigInteger.valueOf(packet.dstPort()));
        values.put("p." + PacketInput.INGRESS, BigInteger.valueOf(router.ingressCode(packet.ingress())));
        for (CompiledTunnel tunnel : router.tunnels()) {
            values.put(
                    "p." + PacketInput.SA_UP + tunnel.index(),
                    states.isUp(tunnel.ref()) ? BigInteger.ONE : BigInteger.ZERO);
        }
        return values;
    }

    /** Addresses where the router's behaviour changes: its own, selector and route prefixes and their neighbours. */
    private static List<BigInteger> interestingAddresses(CompiledRouter router) {
        List<BigInteger> addresses = new ArrayList<>();
        for (RouteEntry route : router.routes()) addAround(addresses, route.prefix(), router.family());
        for (PolicyEntry policy : router.policies()) {
            addAround(addresses, policy.localPrefix(), router.family());
            addAround(addresses, policy.remotePrefix(), router.family());
        }
        for (CompiledNatRule rule : router.sourceNat()) {
            rule.rule()
                    .match()
                    .source()
                    .ranges()
                    .forEach(r -> addresses.add(r.getLower().getValue()));
            rule.rule()
                    .match()
                    .destination()
                    .ranges()
                    .forEach(r -> addresses.add(r.getUpper().getValue()));
        }
        for (CompiledNatRule rule : router.destinationNat()) {
            rule.rule()
                    .match()
                    .destination()
                    .ranges()
                    .forEach(r -> addresses.add(r.getLower().getValue()));
        }
        addresses.add(BigInteger.ONE);
        return addresses;
    }

    private static void addAround(List<BigInteger> addresses, IPAddress prefix, AddressFamily family) {
        BigInteger low = prefix.toPrefixBlock().getLower().getValue();
        BigInteger high = prefix.toPrefixBlock().getUpper().getValue();
        addresses.add(low);
        addresses.add(high);
        addresses.add(low.add(BigInteger.ONE).min(high));
        BigInteger max = BigInteger.ONE.shiftLeft(family.width()).subtract(BigInteger.ONE);
        addresses.add(high.add(BigInteger.ONE).min(max));
    }

    private static ConcretePacket randomPacket(Random random, CompiledRouter router, List<BigInteger> addresses) {
        AddressFamily family = router.family();
        IPAddress src = family.addressOf(addresses.get(random.nextInt(addresses.size())));
        IPAddress dst = family.addressOf(addresses.get(random.nextInt(addresses.size())));
        int[] protocols = {
            ProtocolMatch.UDP, ProtocolMatch.TCP, ProtocolMatch.GRE, ProtocolMatch.ICMP, ProtocolMatch.ESP
        };
        int protocol = protocols[random.nextInt(protocols.length)];
        int[] ports = {53, 80, 500, 4500, 8080, 40000};
        Ingress ingress = router.ingressOf(random.nextInt(router.ingressCount()));
        return new ConcretePacket(
                src, dst, protocol, ports[random.nextInt(ports.length)], ports[random.nextInt(ports.length)], ingress);
    }

    private static SaStates randomStates(Random random, CompiledRouter router) {
        SaStates states = SaStates.allUp();
        for (CompiledTunnel tunnel : router.tunnels()) states = states.with(tunnel.ref(), random.nextBoolean());
        return states;
    }

    @org.junit.jupiter.api.Test
    void theSymbolicRunNeverAsksForConcreteValues() {
        CompiledRouter compiled =
                CompiledRouter.compile(SeedScenarioTest.firstArticle().build(), AddressFamily.IPV4);
        ExpressionAlgebra algebra = new ExpressionAlgebra();
        PacketInput<Node, Node> input =
                PacketInput.fresh(compiled, FreshVariables.of(algebra::variable, algebra::booleanVariable), "");

        Outcome<Node, Node> outcome = Datapath.evaluate(algebra, compiled, input);

        assertEquals(null, algebra.valueOf(outcome.verdict()));
        assertTrue(algebra.size() > 0);
    }
}
