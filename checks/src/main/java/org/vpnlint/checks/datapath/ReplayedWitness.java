package org.vpnlint.checks.datapath;

import java.util.List;
import org.vpnlint.checks.PacketFields;
import org.vpnlint.checks.TraceStep;
import org.vpnlint.checks.Witness;
import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.SourceLocation;

/** A replayed packet in the shape a finding carries: the witness as it entered and the trace steps. */
public record ReplayedWitness(PacketTrace trace, String saState) {

    public Witness witness() {
        ConcreteHeader header = trace.packet().header();
        Ingress ingress = trace.packet().ingress();
        return new Witness(
                header.srcText(),
                header.dstText(),
                ProtocolMatch.name(header.protocol()),
                header.hasPorts() ? header.srcPort() : null,
                header.hasPorts() ? header.dstPort() : null,
                ingress.kind() == Ingress.Kind.LOCAL ? "local" : ingress.toString(),
                saState);
    }

    public List<TraceStep> steps() {
        return trace.steps().stream()
                .map(s -> new TraceStep(
                        s.stage().id(), s.detail(), s.location(), s.header().toString(), PacketFields.of(s.header())))
                .toList();
    }

    /** The packet as the rule's message names it, e.g. {@code tcp 192.168.10.100:1024 → 10.10.10.200:22 arriving on eth1}. */
    String packetText() {
        return trace.packet().toString();
    }

    /** The step of this stage, or null when the packet did not take it. */
    org.vpnlint.datapath.TraceStep step(Stage stage) {
        return trace.steps().stream()
                .filter(s -> s.stage() == stage)
                .findFirst()
                .orElse(null);
    }

    /** The configuration node that acted at this stage, or null. */
    SourceLocation actedAt(Stage stage) {
        org.vpnlint.datapath.TraceStep step = step(stage);
        return step == null ? null : step.location();
    }

    /** E.g. "leaves eth0 in cleartext as tcp 203.0.113.134:1024 → 10.10.10.200:22". */
    String fateText() {
        return switch (trace.verdict()) {
            case CLEARTEXT -> "leaves " + trace.egress() + " in cleartext as " + trace.finalHeader();
            case ENCRYPTED -> "is encrypted by " + trace.tunnel() + " and leaves " + trace.egress();
            case DROPPED -> "is dropped: " + trace.dropReason().description();
            case UNREACHABLE -> "finds no route: " + trace.dropReason().description();
            case LOCAL -> "is delivered to the router itself";
        };
    }
}
