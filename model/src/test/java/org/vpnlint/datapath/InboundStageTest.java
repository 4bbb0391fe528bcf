package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vpnlint.datapath.RouterFixture.destination;
import static org.vpnlint.datapath.RouterFixture.peer;
import static org.vpnlint.datapath.SeedScenarioTest.assertTranslation;
import static org.vpnlint.datapath.SeedScenarioTest.stages;
import static org.vpnlint.datapath.SeedScenarioTest.step;

import org.junit.jupiter.api.Test;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/** The fwd/in policy checks (on the addresses as the packet arrived) and decrypted packets going through PREROUTING again. */
class InboundStageTest {

    private static final TunnelRef TUNNEL_1 = new TunnelRef("192.0.2.150", 1);

    private static RouterFixture twoTunnels() {
        return SeedScenarioTest.firstArticle()
                .peer(peer("192.0.2.160").local("203.0.113.134").tunnel(1, "192.168.20.0/24", "10.20.20.0/24"))
                .ethernet("eth2", "192.168.20.1/24");
    }

    @Test
    void cleartextPacketMatchingAnInboundPolicyIsDropped() {
        ConcretePacket spoofed =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.100", 40000, Ingress.onInterface("eth0"));

        PacketTrace trace = Datapath.replay(SeedScenarioTest.firstArticle().build(), spoofed, SaStates.allUp());

        assertEquals(Verdict.DROPPED, trace.verdict());
        assertEquals(DropReason.CLEARTEXT_MATCHES_INBOUND_POLICY, trace.dropReason());
        TraceStep.InboundCheck check = step(trace, Stage.POLICY_CHECK_FWD, TraceStep.InboundCheck.class);
        assertEquals(new TunnelRef("192.0.2.150", 1), check.matched().ref());
        assertNull(check.decryptedBy());
    }

    @Test
    void theSameCleartextPacketPassesWhenThePoliciesAreGone() {
        ConcretePacket spoofed =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.100", 40000, Ingress.onInterface("eth0"));

        assertEquals(
                Verdict.CLEARTEXT,
                Datapath.replay(SeedScenarioTest.firstArticle().build(), spoofed, SaStates.allDown())
                        .verdict());
    }

    @Test
    void theFwdCheckSeesThePreDnatDestinationSoDnatIntoTheProtectedSubnetIsNotCaught() {
        Router router = SeedScenarioTest.firstArticle()
                .nat(destination(10).onInterface("eth0").to("203.0.113.134").translateTo("192.168.10.100"))
                .build();
        ConcretePacket viaDnat =
                ConcretePacket.udp("10.10.10.200", 5555, "203.0.113.134", 7000, Ingress.onInterface("eth0"));

        PacketTrace trace = Datapath.replay(router, viaDnat, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth1", trace.egress());
        assertEquals("192.168.10.100", trace.finalHeader().dstText());
    }

    @Test
    void aDecryptedPacketIsForwardedAfterPassingTheFwdCheck() {
        ConcretePacket decrypted =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.100", 40000, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(SeedScenarioTest.firstArticle().build(), decrypted, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("eth1", trace.egress());
        assertEquals(Stage.DECRYPT, stages(trace).get(0));
        TraceStep.Decryption decryption = step(trace, Stage.DECRYPT, TraceStep.Decryption.class);
        assertEquals(new TunnelRef("192.0.2.150", 1), decryption.tunnel().ref());
        assertTrue(decryption.saUp());
        assertFalse(decryption.viaVti());
        assertEquals("eth0", decryption.innerIngress());
    }

    @Test
    void aPacketDecryptedByOneTunnelButSelectedByAnotherIsDropped() {
        ConcretePacket wrong =
                ConcretePacket.udp("10.20.20.5", 5555, "192.168.20.7", 40000, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(twoTunnels().build(), wrong, SaStates.allUp());

        assertEquals(DropReason.DECRYPTED_BY_WRONG_SA, trace.dropReason());
    }

    @Test
    void aDecryptedPacketOutsideEverySelectorIsDropped() {
        ConcretePacket outside =
                ConcretePacket.udp("10.99.0.1", 5555, "192.168.10.100", 40000, Ingress.decryptedBy(TUNNEL_1));

        assertEquals(
                DropReason.DECRYPTED_WITHOUT_POLICY,
                Datapath.replay(SeedScenarioTest.firstArticle().build(), outside, SaStates.allUp())
                        .dropReason());
    }

    @Test
    void withoutAnSaNothingIsDecrypted() {
        ConcretePacket decrypted =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.100", 40000, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(SeedScenarioTest.firstArticle().build(), decrypted, SaStates.allDown());

        assertEquals(DropReason.NO_INBOUND_SA, trace.dropReason());
    }

    @Test
    void aPacketDecryptedByAVtiComesOutOfTheVtiAndNeedsNoSelector() {
        Router router = RouterFixture.vyos13()
                .ethernet("eth0", "203.0.113.134/24")
                .ethernet("eth1", "192.168.10.1/24")
                .vti("vti0", "10.255.0.1/30")
                .route("0.0.0.0/0", "203.0.113.1")
                .peer(peer("192.0.2.150").local("203.0.113.134").vti("vti0"))
                .nat(destination(10).onInterface("eth0").to("192.168.10.200").translateTo("192.168.10.100"))
                .build();
        ConcretePacket decrypted = ConcretePacket.udp(
                "10.20.1.1", 5555, "192.168.10.200", 40000, Ingress.decryptedBy(TunnelRef.vti("192.0.2.150")));

        PacketTrace trace = Datapath.replay(router, decrypted, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("192.168.10.200", trace.finalHeader().dstText()); // the WAN's DNAT rule does not see vti0 traffic
        TraceStep.Decryption decryption = step(trace, Stage.DECRYPT, TraceStep.Decryption.class);
        assertTrue(decryption.viaVti());
        assertEquals("vti0", decryption.innerIngress());
    }

    @Test
    void destinationNatOnTheWanAppliesToDecryptedPacketsToo() {
        Router router = SeedScenarioTest.firstArticle()
                .nat(destination(10).onInterface("eth0").to("192.168.10.200").translateTo("192.168.10.100"))
                .build();
        ConcretePacket decrypted =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.200", 40000, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(router, decrypted, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
        assertEquals("192.168.10.100", trace.finalHeader().dstText());
        assertTranslation(
                trace,
                Stage.PREROUTING_DNAT,
                "rule 10",
                "udp 10.10.10.200:5555 → 192.168.10.200:40000",
                "udp 10.10.10.200:5555 → 192.168.10.100:40000");
    }

    @Test
    void aDecryptedPacketForTheRouterPassesInputAndTheInCheck() {
        ConcretePacket toRouter =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.1", 161, Ingress.decryptedBy(TUNNEL_1));

        PacketTrace trace = Datapath.replay(SeedScenarioTest.firstArticle().build(), toRouter, SaStates.allUp());

        assertEquals(Verdict.LOCAL, trace.verdict());
        assertTrue(
                stages(trace).containsAll(java.util.List.of(Stage.INPUT_FILTER, Stage.POLICY_CHECK_IN, Stage.DELIVER)));
    }

    @Test
    void aCleartextPacketForTheRouterThatAPolicyProtectsIsDroppedByTheInCheck() {
        ConcretePacket toRouter =
                ConcretePacket.udp("10.10.10.200", 5555, "192.168.10.1", 161, Ingress.onInterface("eth0"));

        PacketTrace trace = Datapath.replay(SeedScenarioTest.firstArticle().build(), toRouter, SaStates.allUp());

        assertEquals(DropReason.CLEARTEXT_MATCHES_INBOUND_POLICY, trace.dropReason());
        assertEquals(
                Stage.POLICY_CHECK_IN,
                trace.steps().get(trace.steps().size() - 1).stage());
    }

    @Test
    void aTransportModeTunnelHasNoFwdPolicySoAPortForwardFromThePeerPasses() {
        Router router = RouterFixture.vyos14()
                .ethernet("eth0", "192.0.2.1/24")
                .ethernet("eth1", "192.168.10.1/24")
                .route("0.0.0.0/0", "192.0.2.254")
                .nat(destination(10)
                        .onInterface("eth0")
                        .to("192.0.2.1")
                        .protocol(ProtocolMatch.UDP)
                        .destinationPorts(7000, 7000)
                        .translateTo("192.168.10.100"))
                .transportEspGroup("TRANSPORT")
                .peer(peer("203.0.113.20")
                        .local("192.0.2.1")
                        .espGroup("TRANSPORT")
                        .tunnel(1, null, null, ProtocolMatch.UDP))
                .build();
        ConcretePacket portForward =
                ConcretePacket.udp("203.0.113.20", 22001, "192.0.2.1", 7000, Ingress.onInterface("eth0"));

        PacketTrace trace = Datapath.replay(router, portForward, SaStates.allUp());

        assertEquals(Verdict.CLEARTEXT, trace.verdict());
    }
}
