package org.vpnlint.checks.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vpnlint.checks.datapath.AddressTerms;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.parser.ConfigReader;
import org.vpnlint.parser.dialect.RouterMapper;
import org.vpnlint.solver.Preference;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.SymbolicAlgebra;
import org.vpnlint.solver.SymbolicQuery;
import org.vpnlint.solver.Z3Solver;

/**
 * Each readability preference on its own: a goal rules out what the preferences before it want, and the witness must
 * be the one this preference picks (so dropping or reordering a preference fails a test here). And the preferences
 * are soft: they never turn a goal's answer from a witness into a proof or back.
 */
class WitnessReadabilityTest {

    /** A branch office: WAN eth0, LAN eth1 (the tunnel's local prefix), guest LAN eth2, one policy tunnel. */
    private static final String BRANCH = String.join(
                    "\n",
                    "set interfaces ethernet eth0 address '203.0.113.134/24'",
                    "set interfaces ethernet eth1 address '192.168.10.1/24'",
                    "set interfaces ethernet eth2 address '192.168.20.1/24'",
                    "set protocols static route 0.0.0.0/0 next-hop 203.0.113.1",
                    "set vpn ipsec ipsec-interfaces interface 'eth0'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 authentication mode 'pre-shared-secret'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 local-address '203.0.113.134'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 local prefix '192.168.10.0/24'",
                    "set vpn ipsec site-to-site peer 192.0.2.150 tunnel 1 remote prefix '10.10.10.0/24'")
            + "\n";

    private static final Ingress WAN = Ingress.onInterface("eth0");
    private static final Ingress LAN = Ingress.onInterface("eth1");
    private static final Ingress GUEST = Ingress.onInterface("eth2");

    private static Z3Solver solver;
    private static CompiledRouter router;

    @BeforeAll
    static void openSolver() {
        solver = new Z3Solver();
        router = CompiledRouter.compile(
                RouterMapper.map(ConfigReader.read("branch.set", BRANCH), null).router(), AddressFamily.IPV4);
    }

    @AfterAll
    static void closeSolver() {
        solver.close();
    }

    @Test
    void anyPacketIsTheTunnelsLanHostToItsPeersHostOverSsh() {
        assertEquals(ConcretePacket.tcp("192.168.10.100", 1024, "10.10.10.200", 22, LAN), witness(goal -> goal.yes()));
    }

    @Test
    void outsideTheTunnelsPrefixTheSourceIsAConnectedPrivateNetworksHostArrivingOnItsInterface() {
        assertEquals(
                ConcretePacket.tcp("192.168.20.100", 1024, "10.10.10.200", 22, GUEST),
                witness(goal -> goal.not(goal.srcIn("192.168.10.0/24"))));
    }

    @Test
    void theTunnelsLanHostArrivesOnTheLanBeforeTheDestinationIsChosen() {
        assertEquals(
                ConcretePacket.tcp("192.168.10.100", 1024, "192.168.10.200", 22, LAN),
                witness(goal -> goal.not(goal.and(goal.arrives(LAN), goal.dstIn("10.10.10.200/32")))));
    }

    @Test
    void aConnectedNetworksHostArrivesOnItsInterfaceBeforeTheDestinationIsChosen() {
        assertEquals(
                ConcretePacket.tcp("192.168.20.100", 1024, "192.168.10.200", 22, GUEST),
                witness(goal -> goal.and(
                        goal.not(goal.srcIn("192.168.10.0/24")),
                        goal.not(goal.and(goal.arrives(GUEST), goal.dstIn("10.10.10.200/32"))))));
    }

    @Test
    void onAnIngressThatFitsNoHostTheSourceHostStaysTheSame() {
        // the same host at every ingress: classes that change the same way get the same widest prefixes (one entry)
        assertEquals(
                ConcretePacket.tcp("192.168.10.100", 1024, "10.10.10.200", 22, WAN),
                witness(goal -> goal.arrives(WAN)));
    }

    @Test
    void fromOutsideEveryNamedPrefixTheSourceStillComesFromTheArrivingInterfacesNetwork() {
        assertEquals(
                ConcretePacket.tcp("203.0.113.100", 1024, "10.10.10.200", 22, WAN),
                witness(goal -> goal.and(goal.arrives(WAN), goal.not(goal.srcIn("192.168.0.0/16")))));
        ConcretePacket guest = witness(goal -> goal.and(
                goal.arrives(GUEST),
                goal.not(goal.or(
                        goal.or(goal.srcIs("192.168.20.100"), goal.srcIn("192.168.10.0/24")),
                        goal.or(goal.srcIn("203.0.113.0/24"), goal.srcIn("10.10.10.0/24"))))));
        assertTrue(inPrefix(guest.src(), "192.168.20.0/24"), guest.toString());
        assertHostAddress(guest.src(), guest);
    }

    @Test
    void aPeersCleartextPacketComesFromThePeersHost() {
        assertEquals(
                ConcretePacket.tcp("10.10.10.100", 1024, "192.168.10.200", 22, WAN),
                witness(goal -> goal.and(
                        goal.arrives(WAN),
                        goal.and(
                                goal.dstIn("192.168.10.0/24"),
                                goal.not(goal.or(goal.srcIn("192.168.0.0/16"), goal.srcIn("203.0.113.0/24")))))));
    }

    @Test
    void aDecryptedPacketComesFromThePeersHost() {
        Ingress decrypted = Ingress.decryptedBy(router.tunnels().get(0).ref());
        assertEquals(
                ConcretePacket.tcp("10.10.10.100", 1024, "192.168.10.200", 22, decrypted),
                witness(goal -> goal.and(goal.arrives(decrypted), goal.dstIn("192.168.10.0/24"))));
    }

    @Test
    void theRoutersOwnPacketComesFromOneOfItsAddresses() {
        ConcretePacket own = witness(goal -> goal.arrives(Ingress.local()));
        assertTrue(
                List.of("203.0.113.134", "192.168.10.1", "192.168.20.1")
                        .contains(own.src().toCanonicalString()),
                own.toString());
        assertEquals(new IPAddressString("10.10.10.200").getAddress(), own.dst());
    }

    @Test
    void addressesOutsideEveryNamedPrefixAreHostsNotNetworksBroadcastsOrZeroPrefixed() {
        ConcretePacket stray = witness(goal -> goal.and(
                goal.arrives(LAN),
                goal.not(goal.or(
                        goal.srcIn("192.168.0.0/16"),
                        goal.or(goal.srcIn("203.0.113.0/24"), goal.srcIn("10.10.10.0/24"))))));
        assertHostAddress(stray.src(), stray);
        ConcretePacket nowhere = witness(goal -> goal.not(goal.or(
                goal.dstIn("10.10.10.0/24"), goal.or(goal.dstIn("192.168.0.0/16"), goal.dstIn("203.0.113.0/24")))));
        assertHostAddress(nowhere.dst(), nowhere);
    }

    @Test
    void tcpElseUdpAndAWellKnownServiceFromAnEphemeralPort() {
        assertEquals(
                ProtocolMatch.UDP,
                witness(goal -> goal.not(goal.protocol(ProtocolMatch.TCP))).protocol());
        assertEquals(443, witness(goal -> goal.not(goal.dstPort(22))).dstPort());
        assertEquals(
                80,
                witness(goal -> goal.not(goal.or(goal.dstPort(22), goal.dstPort(443))))
                        .dstPort());
        ConcretePacket service = witness(goal -> goal.and(
                goal.protocol(ProtocolMatch.TCP),
                goal.not(goal.or(goal.dstPort(22), goal.or(goal.dstPort(443), goal.dstPort(80))))));
        assertTrue(service.dstPort() >= 1 && service.dstPort() < 1024, service.toString());
        assertEquals(1024, service.srcPort(), service.toString());
        ConcretePacket wellKnown = witness(goal -> goal.or(
                goal.or(goal.dstPort(8080), goal.dstPort(65000)),
                goal.or(goal.or(goal.dstPort(3389), goal.dstPort(25)), goal.dstPort(50000))));
        assertEquals(25, wellKnown.dstPort(), wellKnown.toString());
        ConcretePacket client =
                witness(goal -> goal.and(goal.protocol(ProtocolMatch.TCP), goal.not(goal.srcPort(1024))));
        assertTrue(client.srcPort() > 1024, client.toString());
        assertEquals(22, client.dstPort(), client.toString());
    }

    @Test
    void preferencesNeverDecideWhetherAGoalHoldsOrWhichPacketsMeetIt() {
        Function<Goal<?, ?>, Object> impossible =
                goal -> goal.and(goal.srcIn("192.168.10.0/24"), goal.srcIn("10.0.0.0/8"));
        assertInstanceOf(QueryResult.Proved.class, answer(impossible, true));
        assertInstanceOf(QueryResult.Proved.class, answer(impossible, false));
        // a single packet: the goal, not a preference, decides which it is
        Function<Goal<?, ?>, Object> onlyOne = goal -> goal.and(
                goal.and(goal.arrives(WAN), goal.srcIs("198.51.100.0")),
                goal.and(goal.dstIn("0.0.0.7/32"), goal.and(goal.protocol(ProtocolMatch.UDP), goal.dstPort(9))));
        ConcretePacket odd = witness(goal -> goal.and((Object) onlyOne.apply(goal), goal.srcPort(7)));
        assertEquals(ConcretePacket.udp("198.51.100.0", 7, "0.0.0.7", 9, WAN), odd);
    }

    private static void assertHostAddress(IPAddress address, ConcretePacket packet) {
        byte[] bytes = address.getBytes();
        int last = bytes[3] & 0xFF;
        assertTrue(last != 0 && last != 255, "a network or broadcast address in " + packet);
        assertTrue(bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0, "0.0.0.x in " + packet);
    }

    private static boolean inPrefix(IPAddress address, String prefix) {
        return new IPAddressString(prefix).getAddress().toPrefixBlock().contains(address);
    }

    /** The readable witness of the goal on the branch router. */
    private static ConcretePacket witness(Function<Goal<?, ?>, Object> goal) {
        QueryResult result = answer(goal, true);
        QueryResult.Witness witness = assertInstanceOf(QueryResult.Witness.class, result);
        return PacketInput.decodePacket(router, witness.values(), "");
    }

    private static QueryResult answer(Function<Goal<?, ?>, Object> goal, boolean readable) {
        try (SymbolicQuery<?, ?> query = solver.newQuery("readability test", Duration.ofSeconds(10))) {
            return answer(query, goal, readable);
        }
    }

    @SuppressWarnings("unchecked")
    private static <B, V> QueryResult answer(
            SymbolicQuery<B, V> query, Function<Goal<?, ?>, Object> goal, boolean readable) {
        SymbolicAlgebra<B, V> algebra = query.algebra();
        PacketInput<B, V> packet =
                PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        query.require(Datapath.evaluate(algebra, router, packet).wellFormed());
        List<Preference<B>> preferences =
                readable ? WitnessReadability.of(router, router).preferences(algebra, router, packet) : List.of();
        return query.check((B) goal.apply(new Goal<>(algebra, packet)), preferences);
    }

    /** Goals over the packet's header and ingress. */
    private record Goal<B, V>(SymbolicAlgebra<B, V> algebra, PacketInput<B, V> packet) {
        Object yes() {
            return algebra.bool(true);
        }

        @SuppressWarnings("unchecked")
        Object not(Object operand) {
            return algebra.not((B) operand);
        }

        @SuppressWarnings("unchecked")
        Object and(Object left, Object right) {
            return algebra.and((B) left, (B) right);
        }

        @SuppressWarnings("unchecked")
        Object or(Object left, Object right) {
            return algebra.or((B) left, (B) right);
        }

        Object arrives(Ingress ingress) {
            return algebra.eq(packet.ingress(), algebra.bits(router.ingressCode(ingress), CompiledRouter.INDEX_WIDTH));
        }

        Object srcIn(String prefix) {
            return AddressTerms.inPrefix(
                    algebra, AddressFamily.IPV4, packet.header().src(), new IPAddressString(prefix).getAddress());
        }

        Object dstIn(String prefix) {
            return AddressTerms.inPrefix(
                    algebra, AddressFamily.IPV4, packet.header().dst(), new IPAddressString(prefix).getAddress());
        }

        Object srcIs(String host) {
            return AddressTerms.is(
                    algebra, AddressFamily.IPV4, packet.header().src(), new IPAddressString(host).getAddress());
        }

        Object protocol(int protocol) {
            return algebra.eq(packet.header().protocol(), algebra.bits(protocol, Header.PROTOCOL_WIDTH));
        }

        Object dstPort(int port) {
            return algebra.eq(packet.header().dstPort(), algebra.bits(port, Header.PORT_WIDTH));
        }

        Object srcPort(int port) {
            return algebra.eq(packet.header().srcPort(), algebra.bits(port, Header.PORT_WIDTH));
        }
    }
}
