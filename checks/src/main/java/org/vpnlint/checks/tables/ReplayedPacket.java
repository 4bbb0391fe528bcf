package org.vpnlint.checks.tables;

import java.util.List;
import org.vpnlint.checks.PacketFields;
import org.vpnlint.checks.TraceStep;
import org.vpnlint.checks.Witness;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Stage;
import org.vpnlint.model.ProtocolMatch;

/** A packet replayed through the concrete datapath, in the shape a finding carries (witness and trace steps). */
record ReplayedPacket(PacketTrace trace) {

    /** The router's own packet replayed with every SA up, as the IKE and ESP rules ask it. */
    static ReplayedPacket withEverySaUp(CompiledRouter router, ConcretePacket packet) {
        return new ReplayedPacket(Datapath.replay(router, packet, SaStates.allUp()));
    }

    Witness witness() {
        ConcretePacket packet = trace.packet();
        ConcreteHeader header = packet.header();
        Ingress ingress = packet.ingress();
        String in = ingress.kind() == Ingress.Kind.LOCAL ? "local" : ingress.toString();
        return new Witness(
                header.srcText(),
                header.dstText(),
                ProtocolMatch.name(header.protocol()),
                header.hasPorts() ? header.srcPort() : null,
                header.hasPorts() ? header.dstPort() : null,
                in,
                trace.saStates().defaultUp() ? "up" : "down");
    }

    List<TraceStep> steps() {
        return trace.steps().stream()
                .map(s -> new TraceStep(
                        s.stage().id(), s.detail(), s.location(), s.header().toString(), PacketFields.of(s.header())))
                .toList();
    }

    /** The step of this stage, or null when the packet did not take it. */
    org.vpnlint.datapath.TraceStep step(Stage stage) {
        return trace.steps().stream()
                .filter(s -> s.stage() == stage)
                .findFirst()
                .orElse(null);
    }

    /** The header after destination NAT: what routing and the filters saw. */
    ConcreteHeader afterDestinationNat() {
        org.vpnlint.datapath.TraceStep dnat = step(Stage.PREROUTING_DNAT);
        return dnat == null ? trace.packet().header() : dnat.header();
    }

    /** Whether destination NAT changed the destination address or port. */
    boolean destinationTranslated() {
        ConcreteHeader before = trace.packet().header();
        ConcreteHeader after = afterDestinationNat();
        return !before.dst().equals(after.dst()) || before.dstPort() != after.dstPort();
    }
}
