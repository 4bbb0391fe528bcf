package org.vpnlint.datapath;

import java.util.List;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.SourceLocation;

/**
 * A replay as plain records for JSON (DESIGN.md "trace"): {@code verdict} ({@code encrypted}, {@code cleartext},
 * {@code dropped}, {@code local}, {@code unreachable}), the tunnel for encrypted (and trap-dropped) packets,
 * {@code egress}, the final header, the outer header of an encrypted packet, the drop reason and the steps.
 * Absent values are null.
 */
public record TraceReport(
        String verdict,
        String tunnel,
        String egress,
        HeaderReport header,
        HeaderReport outerHeader,
        String dropReason,
        String dropDetail,
        List<StepReport> steps) {

    public TraceReport {
        steps = List.copyOf(steps);
    }

    /** A header; ports are null for protocols without ports. */
    public record HeaderReport(String src, String dst, String protocol, Integer srcPort, Integer dstPort) {

        static HeaderReport of(ConcreteHeader header) {
            if (header == null) return null;
            return new HeaderReport(
                    header.srcText(),
                    header.dstText(),
                    ProtocolMatch.name(header.protocol()),
                    header.hasPorts() ? header.srcPort() : null,
                    header.hasPorts() ? header.dstPort() : null);
        }
    }

    /** One step: stage id, what happened, the configuration node that acted, the header at that point. */
    public record StepReport(String stage, String detail, SourceLocation location, HeaderReport header) {}

    static TraceReport of(PacketTrace trace) {
        List<StepReport> steps = trace.steps().stream()
                .map(s -> new StepReport(s.stageId(), StepText.detail(s), s.location(), HeaderReport.of(s.header())))
                .toList();
        return new TraceReport(
                trace.verdict().id(),
                trace.tunnel() == null ? null : trace.tunnel().toString(),
                trace.egress(),
                HeaderReport.of(trace.finalHeader()),
                HeaderReport.of(trace.outerHeader()),
                trace.dropReason() == null ? null : trace.dropReason().id(),
                trace.dropReason() == null ? null : trace.dropReason().description(),
                steps);
    }
}
