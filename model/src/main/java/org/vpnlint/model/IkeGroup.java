package org.vpnlint.model;

import java.util.List;

/**
 * An {@code ike-group}. {@code ikeVersion} is 1 or 2, or null when {@code key-exchange} is unset (1.2/1.3
 * then speak IKEv1; 1.4+ render version 0, "either"). {@code deadPeerDetection} and {@code closeAction} are null
 * when unset.
 */
public record IkeGroup(
        String name,
        Integer ikeVersion,
        List<IkeProposal> proposals,
        DeadPeerDetection deadPeerDetection,
        CloseAction closeAction,
        Integer lifetimeSeconds,
        boolean mobike,
        SourceLocation location) {

    public IkeGroup {
        proposals = List.copyOf(proposals);
    }
}
