package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.destination;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.RouterFixture.source;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/** The scenarios of seeds/ipsec-and-nat-articles.txt, traced as the articles describe them. */
class SeedScenarioTest {

    private static final TunnelRef TUNNEL_1 = new TunnelRef("192.0.2.150", 1);

    /** "Avoiding adverse interaction": SNAT rule 10 on eth0, tunnel 1 192.168.10.0/24 ↔ 10.10.10.0/24. */
    static RouterFixture firstArticle() {
        return RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(peer("192.0.2.150").local("203.0.113.134").tunnel(1, "192.168.10.0/24", "10.10.10.0/24"));
    }

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    @Test
    void snatWithoutExcludeSendsTunnelTrafficOutInCleartext() {
        Router router = firstArticle()
                .nat(source(10).onInterface("eth0").from("192.168.10.0/24").translateTo("203.0.113.134"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth0", trace.egress());
        assertEquals(
                "udp 203.0.113.134:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
        assertEquals(
                List.of(
                        Stage.PREROUTING_DNAT,
                        Stage.ROUTE,
                        Stage.POLICY_LOOKUP,
                        Stage.FORWARD_FILTER,
                        Stage.POSTROUTING_SNAT,
                        Stage.POLICY_LOOKUP_AFTER_SNAT,
                        Stage.TRANSMIT),
                stages(trace));
        assertTranslation(
                trace,
                Stage.POSTROUTING_SNAT,
                "rule 10",
                "udp 192.168.10.100:40000 → 10.10.10.200:5555",
                "udp 203.0.113.134:40000 → 10.10.10.200:5555");
        TraceStep.PolicyMatch lookup = step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class);
        assertEquals(TUNNEL_1, lookup.matched().ref());
        assertEquals("192.168.10.0/24 → 10.10.10.0/24", lookup.matched().selectors());
        TraceStep.PolicyMatch afterSnat = step(trace, Stage.POLICY_LOOKUP_AFTER_SNAT, TraceStep.PolicyMatch.class);
        assertNull(afterSnat.matched());
        assertEquals(TUNNEL_1, afterSnat.discarded().ref());
        assertEquals("203.0.113.134", afterSnat.header().srcText());
        assertEquals(
                "eth0",
                step(trace, Stage.TRANSMIT, TraceStep.CleartextTransmission.class)
                        .egress());
        assertEquals(
                router.nat().sourceRules().get(0).location(),
                step(trace, Stage.POSTROUTING_SNAT).location());
    }

    @Test
    void excludeRuleFiveLetsTheTunnelEncrypt() {
        Router router = firstArticle()
                .nat(source(5).onInterface("eth0").to("10.10.10.0/24").exclude())
                .nat(source(10).onInterface("eth0").from("192.168.10.0/24").translateTo("203.0.113.134"))
                .build();

        PacketTrace trace = Datapath.replay(router, LAN_TO_REMOTE, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals(TUNNEL_1, trace.tunnel());
        assertEquals("eth0", trace.egress());
        assertEquals(
                "udp 192.168.10.100:40000 → 10.10.10.200:5555",
                trace.finalHeader().toString());
        assertEquals("esp 203.0.113.134 → 192.0.2.150", trace.outerHeader().toString());
        TraceStep.Translation exclude = step(trace, Stage.POSTROUTING_SNAT, TraceStep.Translation.class);
        assertEquals("rule 5", exclude.rule().label());
        assertFalse(exclude.translated());
        assertFalse(stages(trace).contains(Stage.POLICY_LOOKUP_AFTER_SNAT));
        assertTrue(stages(trace).containsAll(List.of(Stage.ENCRYPT, Stage.OUTER_OUTPUT, Stage.OUTER_POSTROUTING)));
    }

    @Test
    void natIntoTheTunnelIsFoundByTheSecondLookup() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(peer("192.0.2.150").local("203.0.113.134").tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                .nat(source(10).from("192.168.10.45").to("10.10.10.55").translateTo("172.16.17.45"))
                .nat(destination(10).to("172.16.17.45").translateTo("192.168.10.45"))
                .build();
        ConcretePacket packet =
                ConcretePacket.udp("192.168.10.45", 40000, "10.10.10.55", 5555, Ingress.onInterface("eth1"));

        PacketTrace trace = Datapath.replay(router, packet, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals(TUNNEL_1, trace.tunnel());
        TraceStep.PolicyMatch lookup = step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class);
        assertNull(lookup.matched());
        assertEquals(
                "udp 192.168.10.45:40000 → 10.10.10.55:5555", lookup.header().toString());
        assertTranslation(
                trace,
                Stage.POSTROUTING_SNAT,
                "rule 10",
                "udp 192.168.10.45:40000 → 10.10.10.55:5555",
                "udp 172.16.17.45:40000 → 10.10.10.55:5555");
        TraceStep.PolicyMatch afterSnat = step(trace, Stage.POLICY_LOOKUP_AFTER_SNAT, TraceStep.PolicyMatch.class);
        assertEquals(TUNNEL_1, afterSnat.matched().ref());
        assertEquals("172.16.17.45", afterSnat.header().srcText());
        assertEquals(
                "udp 172.16.17.45:40000 → 10.10.10.55:5555", trace.finalHeader().toString());
    }

    @Test
    void returnTrafficOfTheNatTrickIsTranslatedBackAfterDecryption() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(peer("192.0.2.150").local("203.0.113.134").tunnel(1, "172.16.17.45/32", "10.10.10.55/32"))
                .nat(destination(10).to("172.16.17.45").translateTo("192.168.10.45"))
                .build();
        ConcretePacket reply =
                ConcretePacket.udp("10.10.10.55", 5555, "172.16.17.45", 40000, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(router, reply, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth1", trace.egress());
        assertEquals(
                "udp 10.10.10.55:5555 → 192.168.10.45:40000",
                trace.finalHeader().toString());
        assertTranslation(
                trace,
                Stage.PREROUTING_DNAT,
                "rule 10",
                "udp 10.10.10.55:5555 → 172.16.17.45:40000",
                "udp 10.10.10.55:5555 → 192.168.10.45:40000");
        TraceStep.InboundCheck check = step(trace, Stage.POLICY_CHECK_FWD, TraceStep.InboundCheck.class);
        assertEquals(TUNNEL_1, check.matched().ref());
        assertEquals(TUNNEL_1, check.decryptedBy().ref());
        assertEquals("172.16.17.45", check.arrival().dstText()); // the policy sees the address as it arrived
    }

    /** "The canonical and the simplest GRE/IPsec setup": tunnel 1 protocol gre, no prefixes. */
    static Router canonicalGre() {
        return RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .route("0.0.0.0/0", "192.0.2.1")
                .greTunnel("tun0", "10.0.0.2/29", "192.0.2.10", "203.0.113.20")
                .peer(peer("203.0.113.20").local("192.0.2.10").tunnel(1, null, null, ProtocolMatch.GRE))
                .build();
    }

    private static final ConcretePacket GRE_TO_PEER =
            ConcretePacket.of("192.0.2.10", "203.0.113.20", ProtocolMatch.GRE, Ingress.local());

    @Test
    void canonicalGreIsEncryptedWhileTheSaIsUp() {
        PacketTrace trace = Datapath.replay(canonicalGre(), GRE_TO_PEER, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        assertEquals(new TunnelRef("203.0.113.20", 1), trace.tunnel());
        assertEquals("esp 192.0.2.10 → 203.0.113.20", trace.outerHeader().toString());
    }

    @Test
    void canonicalGreLeaksThroughTheDefaultRouteWhenTheSaIsDown() {
        PacketTrace trace = Datapath.replay(canonicalGre(), GRE_TO_PEER, SaStates.allDown());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth0", trace.egress());
        assertEquals("gre 192.0.2.10 → 203.0.113.20", trace.finalHeader().toString());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals("0.0.0.0/0", route.route().prefix().toCompressedString());
        assertEquals("default route", route.route().origin());
        assertEquals("eth0", route.egress());
        assertNull(step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class).matched());
    }

    /** The dummy-address design: GRE between 10.10.0.1 and 10.10.0.2, IPsec selects exactly those /32s. */
    static RouterFixture dummyDesign(String peerName, ConnectionType type) {
        return RouterFixture.vyos13()
                .ethernet("eth0", "192.0.2.10/24")
                .dummy("dum0", "10.10.0.1/32")
                .greTunnel("tun0", "10.0.0.1/29", "10.10.0.1", "10.10.0.2")
                .peer(peer(peerName)
                        .local("192.0.2.10")
                        .connectionType(type)
                        .tunnel(1, "10.10.0.1/32", "10.10.0.2/32"));
    }

    private static final ConcretePacket GRE_BETWEEN_DUMMIES =
            ConcretePacket.of("10.10.0.1", "10.10.0.2", ProtocolMatch.GRE, Ingress.local());

    @Test
    void dummyDesignReachesThePeerOnlyThroughTheTable220Route() {
        PacketTrace trace = Datapath.replay(
                dummyDesign("@west", ConnectionType.RESPOND).build(), GRE_BETWEEN_DUMMIES, SaStates.allUp());

        assertEquals(Verdict.ENCRYPTED, trace.verdict());
        TraceStep.Route route = step(trace, Stage.ROUTE, TraceStep.Route.class);
        assertEquals(RouteEntry.Table.IPSEC, route.route().table());
        assertEquals("10.10.0.2/32", route.route().prefix().toCompressedString());
        assertEquals("table 220 of tunnel 1 of peer @west", route.route().origin());
        assertEquals("esp 192.0.2.10 → <dynamic address>", trace.outerHeader().toString());
    }

    @Test
    void dummyDesignIsUnreachableWhenTheSaIsDownAndNoOtherRouteExists() {
        // a peer tagged @id is rendered auto=add (start_action none): its policies and route go with the SA
        PacketTrace trace = Datapath.replay(
                dummyDesign("@west", ConnectionType.RESPOND).build(), GRE_BETWEEN_DUMMIES, SaStates.allDown());

        assertEquals(Verdict.UNREACHABLE, trace.verdict());
        assertEquals(DropReason.NO_ROUTE, trace.dropReason());
        assertEquals(List.of(Stage.ROUTE), stages(trace));
    }

    @Test
    void dummyDesignWithRespondKeepsTrapPoliciesThatDropTheGrePackets() {
        PacketTrace trace = Datapath.replay(
                dummyDesign("198.51.100.2", ConnectionType.RESPOND).build(), GRE_BETWEEN_DUMMIES, SaStates.allDown());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.SOCKET_POLICY_WITHOUT_SA, trace.dropReason());
        assertEquals(new TunnelRef("198.51.100.2", 1), trace.tunnel());
        TraceStep.PolicyMatch lookup = step(trace, Stage.POLICY_LOOKUP, TraceStep.PolicyMatch.class);
        assertTrue(lookup.trap());
        assertEquals(new TunnelRef("198.51.100.2", 1), lookup.matched().ref());
    }

    @Test
    void dummyDesignLeaksWhenADefaultRouteCatchesItAndThePoliciesAreGone() {
        Router router = dummyDesign("198.51.100.2", ConnectionType.INITIATE)
                .route("0.0.0.0/0", "192.0.2.1")
                .build();

        PacketTrace trace = Datapath.replay(router, GRE_BETWEEN_DUMMIES, SaStates.allDown());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth0", trace.egress());
        assertNull(trace.tunnel());
    }

    static List<Stage> stages(PacketTrace trace) {
        return trace.steps().stream().map(TraceStep.PacketStep::stage).toList();
    }

    static TraceStep.PacketStep step(PacketTrace trace, Stage stage) {
        return trace.steps().stream()
                .filter(s -> s.stage() == stage)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + stage.id() + " step in\n" + trace.render()));
    }

    /** The step of this stage, which must be of this kind. */
    static <T extends TraceStep.PacketStep> T step(PacketTrace trace, Stage stage, Class<T> kind) {
        TraceStep.PacketStep step = step(trace, stage);
        assertInstanceOf(kind, step, trace.render());
        return kind.cast(step);
    }

    /** The NAT step of this stage: the rule that matched, and the header it rewrote into another. */
    static void assertTranslation(PacketTrace trace, Stage stage, String rule, String before, String after) {
        TraceStep.Translation step = step(trace, stage, TraceStep.Translation.class);
        assertEquals(rule, step.rule().label());
        assertTrue(step.translated(), trace.render());
        assertEquals(before, step.before().toString());
        assertEquals(after, step.header().toString());
    }
}
