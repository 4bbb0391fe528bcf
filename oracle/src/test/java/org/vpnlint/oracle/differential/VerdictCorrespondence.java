package org.vpnlint.oracle.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.oracle.IpProtocol;
import org.vpnlint.oracle.KernelVerdict;
import org.vpnlint.oracle.LarvalState;
import org.vpnlint.oracle.Observation;
import org.vpnlint.oracle.Origin;
import org.vpnlint.oracle.PacketHeader;
import org.vpnlint.oracle.TemplateMode;
import org.vpnlint.oracle.XfrmPolicy;

/**
 * How a model verdict corresponds to what the kernel oracle observes, and the comparison of one case.
 *
 * <table>
 * <caption>model verdict (drop reason) → kernel verdict, and what else must agree</caption>
 * <tr><th>model</th><th>kernel</th><th>also compared</th></tr>
 * <tr><td>ENCRYPTED by tunnel T</td><td>{@link KernelVerdict#ENCRYPTED_STANDIN}</td>
 *     <td>the header the far side saw = the model's final (inner) header; a {@code transport/use} policy of T
 *     matched a lookup and covers that header</td></tr>
 * <tr><td>CLEARTEXT out of interface I</td><td>{@link KernelVerdict#CLEARTEXT}</td>
 *     <td>final header; it arrived in the namespace behind I (wan for the WAN interface, lan for the LAN one, wan2 for a load balancer's
 *     second WAN)</td></tr>
 * <tr><td>DROPPED: POLICY_WITHOUT_SA, SOCKET_POLICY_WITHOUT_SA, POLICY_WITHOUT_SA_AFTER_SNAT,
 *     SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT (tunnel T)</td>
 *     <td>{@link KernelVerdict#DROPPED_NO_STATE}</td>
 *     <td>a trap ({@code tunnel/required}) policy of T matched a lookup whose flow is the model's final header
 *     (post-DNAT, or post-SNAT for the lookup after SNAT); what the sender was told: EREMOTE exactly for
 *     SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT of a UDP, ICMP or GRE probe (a TCP connect does not report it), a
 *     successful send otherwise</td></tr>
 * <tr><td>DROPPED: CLEARTEXT_MATCHES_INBOUND_POLICY</td><td>{@link KernelVerdict#DROPPED_BY_POLICY}</td><td>-</td></tr>
 * <tr><td>DROPPED: FORWARD_FILTER</td><td>{@link KernelVerdict#FILTERED}</td><td>-</td></tr>
 * <tr><td>UNREACHABLE: NO_ROUTE; DROPPED: BLACKHOLE_ROUTE, REJECT_ROUTE, POLICY_ROUTE_DROP</td><td>{@link KernelVerdict#UNREACHABLE}</td>
 *     <td>- (the socket's ENETUNREACH/EINVAL/EHOSTUNREACH, or a forwarded packet that never reached FORWARD)</td></tr>
 * <tr><td>LOCAL</td><td>{@link KernelVerdict#DELIVERED_LOCAL}</td><td>-</td></tr>
 * <tr><td>anything else (decryption, INPUT/OUTPUT filters, dummy interfaces)</td><td>not replayed: the renderer
 *     refuses such cases ({@link UnsupportedCase})</td><td>-</td></tr>
 * </table>
 *
 * Headers are compared on protocol, addresses and, for TCP and UDP, ports. The kernel side of an ICMP probe carries
 * its echo identifier, which the model does not track.
 */
final class VerdictCorrespondence {

    private VerdictCorrespondence() {}

    static KernelVerdict expected(PacketTrace trace) {
        return switch (trace.verdict()) {
            case ENCRYPTED -> KernelVerdict.ENCRYPTED_STANDIN;
            case CLEARTEXT -> KernelVerdict.CLEARTEXT;
            case LOCAL -> KernelVerdict.DELIVERED_LOCAL;
            case UNREACHABLE -> KernelVerdict.UNREACHABLE;
            case DROPPED ->
                switch (trace.dropReason()) {
                    case POLICY_WITHOUT_SA,
                            SOCKET_POLICY_WITHOUT_SA,
                            POLICY_WITHOUT_SA_AFTER_SNAT,
                            SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT -> KernelVerdict.DROPPED_NO_STATE;
                    case CLEARTEXT_MATCHES_INBOUND_POLICY -> KernelVerdict.DROPPED_BY_POLICY;
                    case FORWARD_FILTER -> KernelVerdict.FILTERED;
                    case BLACKHOLE_ROUTE, REJECT_ROUTE -> KernelVerdict.UNREACHABLE;
                    // dropped in mangle PREROUTING: like a blackhole, it never reaches FORWARD
                    case POLICY_ROUTE_DROP -> KernelVerdict.UNREACHABLE;
                    default ->
                        throw new UnsupportedCase(
                                "model drop reason " + trace.dropReason().id());
                };
        };
    }

    /** What differs between the model's trace and the kernel's observation; empty when they agree. */
    static List<String> differences(PacketTrace trace, Observation seen, RenderedScenario rendered) {
        List<String> differences = new ArrayList<>();
        KernelVerdict expected = expected(trace);
        if (seen.verdict() != expected) {
            differences.add("verdict: model " + modelVerdict(trace) + " (kernel equivalent " + expected + "), kernel "
                    + seen.verdict());
            return differences;
        }
        PacketHeader modelHeader = header(trace.finalHeader());
        switch (expected) {
            case CLEARTEXT -> {
                sameHeader(modelHeader, seen.headerOnArrival()).ifPresent(differences::add);
                Optional<Origin> side = rendered.interfaces().sideOf(trace.egress());
                if (side.isEmpty() || side.get() != seen.arrivedAt()) {
                    differences.add("egress: model " + trace.egress() + ", kernel arrived at " + seen.arrivedAt());
                }
            }
            case ENCRYPTED_STANDIN -> {
                sameHeader(modelHeader, seen.headerOnArrival()).ifPresent(differences::add);
                List<TunnelRef> covering = coveringTunnels(seen, rendered);
                if (!covering.contains(trace.tunnel())) {
                    differences.add("tunnel: model " + trace.tunnel() + ", kernel policies of " + covering);
                }
            }
            case DROPPED_NO_STATE -> {
                boolean trapOfTunnelOnFlow = false;
                for (LarvalState state : seen.evidence().larvalStates()) {
                    XfrmPolicy policy = rendered.scenario().outboundPolicyWithReqid(state.reqid());
                    boolean trap = policy != null && policy.template().mode() == TemplateMode.TUNNEL_REQUIRED;
                    boolean ofTunnel = Objects.equals(rendered.tunnelByReqid().get(state.reqid()), trace.tunnel());
                    if (trap
                            && ofTunnel
                            && sameHeader(modelHeader, state.flow()).isEmpty()) trapOfTunnelOnFlow = true;
                }
                if (!trapOfTunnelOnFlow) {
                    differences.add("no trap policy of " + trace.tunnel() + " matched the flow " + modelHeader
                            + "; kernel lookups: " + seen.evidence().larvalStates());
                }
                boolean refusalExpected = senderSeesRefusal(trace, modelHeader);
                if (seen.evidence().send().refusedByXfrm() != refusalExpected) {
                    differences.add("sender: model " + (refusalExpected ? "error EREMOTE" : "sent") + ", kernel "
                            + seen.evidence().send());
                }
            }
            default -> {
                // the verdict is all there is to compare
            }
        }
        return differences;
    }

    /** The tunnels whose stand-in ({@code transport/use}) policy matched a lookup and covers the arrived header. */
    static List<TunnelRef> coveringTunnels(Observation seen, RenderedScenario rendered) {
        return seen.matchedPolicies().stream()
                .filter(p -> p.template().mode() == TemplateMode.TRANSPORT_USE)
                .filter(p -> p.selector().contains(seen.headerOnArrival()))
                .map(p -> rendered.tunnelByReqid().get(p.template().reqid()))
                .toList();
    }

    /**
     * Whether the probe's sending socket must report the refusal: the model refuses the router's own packet after
     * SNAT, and the probe is not a TCP SYN (tcp_connect ignores the error of its first transmission).
     */
    private static boolean senderSeesRefusal(PacketTrace trace, PacketHeader modelHeader) {
        return trace.dropReason() == DropReason.SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT
                && modelHeader.protocol() != IpProtocol.TCP;
    }

    static String modelVerdict(PacketTrace trace) {
        return trace.verdict()
                + (trace.dropReason() == null ? "" : " " + trace.dropReason().id())
                + (trace.tunnel() == null ? "" : " (" + trace.tunnel() + ")");
    }

    private static Optional<String> sameHeader(PacketHeader model, PacketHeader kernel) {
        if (kernel == null) return Optional.of("header: model " + model + ", kernel none");
        boolean ports = model.protocol().hasPorts();
        PacketHeader comparableModel = ports ? model : model.withoutPorts();
        PacketHeader comparableKernel = ports ? kernel : kernel.withoutPorts();
        return comparableModel.equals(comparableKernel)
                ? Optional.empty()
                : Optional.of("header: model " + model + ", kernel " + kernel);
    }

    static PacketHeader header(ConcreteHeader header) {
        IpProtocol protocol = IpProtocol.parse(Integer.toString(header.protocol()));
        return new PacketHeader(protocol, header.srcText(), header.dstText(), header.srcPort(), header.dstPort());
    }
}
