package org.vpnlint.checks;

import java.util.List;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.SourceLocation;

/**
 * A packet replayed through the concrete datapath, in the shape a finding carries: the witness as it entered and
 * the trace steps. {@code saState} is how the finding names the tunnels' state ("up" or "down").
 */
public record ReplayedWitness(PacketTrace trace, String saState) {

    /** The replay named by its own SA states: "up" when the tunnels are up by default, "down" otherwise. */
    public static ReplayedWitness of(PacketTrace trace) {
        return new ReplayedWitness(trace, trace.saStates().defaultUp() ? "up" : "down");
    }

    /** The router's own packet replayed with every SA up, as the IKE and ESP rules ask it. */
    public static ReplayedWitness withEverySaUp(CompiledRouter router, ConcretePacket packet) {
        return new ReplayedWitness(Datapath.replay(router, packet, SaStates.allUp()), "up");
    }

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
                saState,
                balancedTo(trace));
    }

    /**
     * The WAN a load balancer marked the packet's connection for on this replay (in PREROUTING, or in OUTPUT for
     * the router's own), or null when none did (no balancing rule matched, an exclude came first, or the group is
     * not configured).
     */
    public static String balancedTo(PacketTrace trace) {
        return trace.steps().stream()
                .map(ReplayedWitness::balancing)
                .filter(balancing -> balancing != null && balancing.configured())
                .map(TraceStep.Balancing::wan)
                .findFirst()
                .orElse(null);
    }

    /** What a balancing step did: in PREROUTING for forwarded connections, in OUTPUT for the router's own. */
    private static TraceStep.Balancing balancing(TraceStep step) {
        if (step instanceof TraceStep.PolicyRouting routing) return routing.balancing();
        if (step instanceof TraceStep.OwnConnectionBalancing own) return own.balancing();
        return null;
    }

    public List<TraceStep> steps() {
        return List.copyOf(trace.steps());
    }

    /** The packet as the rule's message names it, e.g. {@code tcp 192.168.10.100:1024 → 10.10.10.200:22 arriving on eth1}. */
    public String packetText() {
        return trace.packet().toString();
    }

    /** The step of this stage, or null when the packet did not take it. */
    public TraceStep.PacketStep step(Stage stage) {
        return trace.steps().stream()
                .filter(s -> s.stage() == stage)
                .findFirst()
                .orElse(null);
    }

    /** The configuration node that acted at this stage, or null. */
    public SourceLocation actedAt(Stage stage) {
        TraceStep.PacketStep step = step(stage);
        return step == null ? null : step.location();
    }

    /** E.g. "leaves eth0 in cleartext as tcp 203.0.113.134:1024 → 10.10.10.200:22". */
    public String fateText() {
        return switch (trace.verdict()) {
            case CLEARTEXT -> "leaves " + trace.egress() + " in cleartext as " + trace.finalHeader();
            case ENCRYPTED -> "is encrypted by " + trace.tunnel() + " and leaves " + trace.egress();
            case DROPPED -> "is dropped: " + trace.dropReason().description();
            case UNREACHABLE -> "finds no route: " + trace.dropReason().description();
            case LOCAL -> "is delivered to the router itself";
        };
    }

    /** The header after destination NAT: what routing and the filters saw. */
    public ConcreteHeader afterDestinationNat() {
        TraceStep.PacketStep dnat = step(Stage.PREROUTING_DNAT);
        return dnat == null ? trace.packet().header() : dnat.header();
    }

    /** Whether destination NAT changed the destination address or port. */
    public boolean destinationTranslated() {
        ConcreteHeader before = trace.packet().header();
        ConcreteHeader after = afterDestinationNat();
        return !before.dst().equals(after.dst()) || before.dstPort() != after.dstPort();
    }
}
