package org.vpnlint.model;

import java.util.List;

/** An {@code esp-group}: mode (tunnel/transport, null = tunnel), PFS setting as written (null = unset), proposals. */
public record EspGroup(
        String name,
        String mode,
        String pfs,
        List<EspProposal> proposals,
        Integer lifetimeSeconds,
        SourceLocation location) {

    public EspGroup {
        proposals = List.copyOf(proposals);
    }

    public boolean transportMode() {
        return "transport".equals(mode);
    }
}
