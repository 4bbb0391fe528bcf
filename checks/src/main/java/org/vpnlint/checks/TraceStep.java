package org.vpnlint.checks;

import org.vpnlint.model.SourceLocation;

/**
 * One step of a witness packet's way through the router: the stage (e.g. {@code postrouting-snat}), what happened
 * ({@code rule 10: src 192.168.10.100 → 203.0.113.134}), the configuration line that acted (null when the kernel
 * acted on its own, e.g. routing by a connected route), and the header after the step, as text and field by field
 * ({@code fields} is null for steps that are not a packet's, e.g. IKE exchanges).
 */
public record TraceStep(String stage, String detail, SourceLocation location, String header, PacketFields fields) {

    public TraceStep(String stage, String detail, SourceLocation location, String header) {
        this(stage, detail, location, header, null);
    }
}
