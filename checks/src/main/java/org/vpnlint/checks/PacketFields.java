package org.vpnlint.checks;

import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.model.ProtocolMatch;

/**
 * A packet header field by field (ports null for protocols without ports), so that a report can show which field
 * a step of the trace changed ({@link TraceStep#header()} is the same header as a value).
 */
public record PacketFields(String protocol, String src, Integer srcPort, String dst, Integer dstPort) {

    public static PacketFields of(ConcreteHeader header) {
        return new PacketFields(
                ProtocolMatch.name(header.protocol()),
                header.srcText(),
                header.hasPorts() ? header.srcPort() : null,
                header.dstText(),
                header.hasPorts() ? header.dstPort() : null);
    }

    /** The header the witness packet enters the router with. */
    public static PacketFields of(Witness witness) {
        return new PacketFields(witness.protocol(), witness.src(), witness.srcPort(), witness.dst(), witness.dstPort());
    }
}
