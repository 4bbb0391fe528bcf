package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.vpnlint.datapath.RouterFixture.source;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.model.Router;

/** What {@code vpnlint trace} prints and serialises. */
class TraceOutputTest {

    private static final ConcretePacket LAN_TO_REMOTE =
            ConcretePacket.udp("192.168.10.100", 40000, "10.10.10.200", 5555, Ingress.onInterface("eth1"));

    private static Router snatWithoutExclude() {
        return SeedScenarioTest.firstArticle()
                .nat(source(10).onInterface("eth0").from("192.168.10.0/24").translateTo("203.0.113.134"))
                .build();
    }

    @Test
    void theTextReadsLikeATicket() {
        PacketTrace trace = Datapath.replay(snatWithoutExclude(), LAN_TO_REMOTE, SaStates.allDown());

        assertEquals("""
                packet udp 192.168.10.100:40000 → 10.10.10.200:5555 arriving on eth1, SA of every tunnel down
                   1 prerouting-dnat           no destination NAT rule matches
                   2 route                     10.10.10.200 via 203.0.113.1 dev eth0 (default route 0.0.0.0/0)  [config.boot:5:5]
                   3 policy-lookup             no policy matches 192.168.10.100 → 10.10.10.200
                   4 forward-filter            accepted (no forward filter)
                   5 postrouting-snat          rule 10: src 192.168.10.100 → 203.0.113.134  [config.boot:8:5]
                   6 policy-lookup-after-snat  no policy matches 203.0.113.134 → 10.10.10.200
                   7 transmit                  leaves eth0 in cleartext as udp 203.0.113.134:40000 → 10.10.10.200:5555
                  verdict: CLEARTEXT out of eth0 as udp 203.0.113.134:40000 → 10.10.10.200:5555
                """, trace.render());
    }

    @Test
    void theReportCarriesVerdictEgressHeaderAndSteps() {
        TraceReport report = Datapath.replay(snatWithoutExclude(), LAN_TO_REMOTE, SaStates.allUp())
                .toReport();

        assertEquals("cleartext", report.verdict());
        assertEquals("eth0", report.egress());
        assertNull(report.tunnel());
        assertEquals(
                new TraceReport.HeaderReport("203.0.113.134", "10.10.10.200", "udp", 40000, 5555), report.header());
        assertNull(report.outerHeader());
        assertEquals(
                List.of(
                        "prerouting-dnat",
                        "route",
                        "policy-lookup",
                        "forward-filter",
                        "postrouting-snat",
                        "policy-lookup-after-snat",
                        "transmit"),
                report.steps().stream().map(TraceReport.StepReport::stage).toList());
        assertEquals(
                "rule 10: src 192.168.10.100 → 203.0.113.134",
                report.steps().get(4).detail());
        assertEquals(8, report.steps().get(4).location().line());
    }

    @Test
    void aDroppedPacketReportsItsReasonAndTheTunnelWhosePolicyDroppedIt() {
        Router router = SeedScenarioTest.dummyDesign("198.51.100.2", org.vpnlint.model.ConnectionType.RESPOND)
                .build();
        ConcretePacket gre = ConcretePacket.of("10.10.0.1", "10.10.0.2", 47, Ingress.local());

        TraceReport report = Datapath.replay(router, gre, SaStates.allDown()).toReport();

        assertEquals("dropped", report.verdict());
        assertEquals("socket-policy-without-sa", report.dropReason());
        assertEquals("tunnel 1 of peer 198.51.100.2", report.tunnel());
        assertEquals(new TraceReport.HeaderReport("10.10.0.1", "10.10.0.2", "gre", null, null), report.header());
    }

    @Test
    void ingressIsReadFromTheCommandLineForm() {
        assertEquals(Ingress.local(), Ingress.parse("local"));
        assertEquals(Ingress.onInterface("eth0.10"), Ingress.parse("eth0.10"));
        assertEquals(
                Ingress.decryptedBy(new TunnelRef("192.0.2.150", 1)), Ingress.parse("tunnel 1 of peer 192.0.2.150"));
        assertEquals(Ingress.decryptedBy(TunnelRef.vti("branch")), Ingress.parse("vti of peer branch"));
        assertEquals(Ingress.parse("tunnel 1 of peer 192.0.2.150").toString(), "tunnel 1 of peer 192.0.2.150");
        assertThrows(IllegalArgumentException.class, () -> Ingress.parse("eth 0"));
    }

    @Test
    void anUnknownIngressInterfaceIsAUsageError() {
        ConcretePacket packet = ConcretePacket.udp("192.168.10.100", 1, "10.10.10.200", 2, Ingress.onInterface("eth9"));

        assertThrows(
                IllegalArgumentException.class, () -> Datapath.replay(snatWithoutExclude(), packet, SaStates.allUp()));
    }

    @Test
    void concreteArithmeticRejectsMixedWidthsLikeASolverWould() {
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;

        assertThrows(IllegalArgumentException.class, () -> algebra.eq(algebra.bits(1, 32), algebra.bits(1, 16)));
        assertThrows(IllegalArgumentException.class, () -> algebra.bits(256, 8));
    }

    @Test
    void selectorsAnswerWhetherAHeaderIsTheTunnelsTraffic() {
        CompiledRouter compiled = CompiledRouter.compile(snatWithoutExclude(), AddressFamily.IPV4);
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
        Header<ConcreteBits> inside = PacketInput.of(algebra, compiled, LAN_TO_REMOTE, SaStates.allUp())
                .header();
        ConcretePacket elsewhere =
                ConcretePacket.udp("192.168.10.100", 40000, "10.10.11.1", 5555, Ingress.onInterface("eth1"));
        Header<ConcreteBits> outside =
                PacketInput.of(algebra, compiled, elsewhere, SaStates.allUp()).header();
        int tunnel = compiled.tunnelIndex(new TunnelRef("192.0.2.150", 1));

        assertEquals(true, Selectors.outbound(algebra, compiled, inside, tunnel));
        assertEquals(false, Selectors.outbound(algebra, compiled, outside, tunnel));
        assertEquals(false, Selectors.inbound(algebra, compiled, inside, tunnel));
    }

    @Test
    void packetInputConditionsNameIngressAndSaState() {
        CompiledRouter compiled = CompiledRouter.compile(snatWithoutExclude(), AddressFamily.IPV4);
        ConcreteAlgebra algebra = ConcreteAlgebra.INSTANCE;
        PacketInput<Boolean, ConcreteBits> fromLan = PacketInput.of(
                algebra, compiled, LAN_TO_REMOTE, SaStates.allUp().with(new TunnelRef("192.0.2.150", 1), false));
        ConcretePacket local = ConcretePacket.of("203.0.113.134", "10.10.10.200", 47, Ingress.local());
        PacketInput<Boolean, ConcreteBits> fromRouter = PacketInput.of(algebra, compiled, local, SaStates.allUp());

        assertEquals(true, fromLan.arrivesOnAnInterface(algebra, compiled));
        assertEquals(true, fromLan.arrivesOn(algebra, compiled, "eth1"));
        assertEquals(false, fromLan.generatedLocally(algebra));
        assertEquals(false, fromLan.saUp(1));
        assertEquals(false, fromRouter.arrivesOnAnInterface(algebra, compiled));
        assertEquals(true, fromRouter.generatedLocally(algebra));
    }
}
