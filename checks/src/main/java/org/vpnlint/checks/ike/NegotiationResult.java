package org.vpnlint.checks.ike;

import java.util.List;
import org.vpnlint.checks.ike.pairing.PeerEnd;

/**
 * How one IKE negotiation between two ends goes; {@code obstacle} is null when the IKE_SA is established.
 * {@code decidedBy} is the end whose charon rejects or gives up (null when established).
 */
public record NegotiationResult(
        PeerEnd initiator,
        PeerEnd responder,
        int version,
        List<ExchangeStep> steps,
        Obstacle obstacle,
        PeerEnd decidedBy) {

    public NegotiationResult {
        steps = List.copyOf(steps);
    }

    public boolean established() {
        return obstacle == null;
    }

    public ExchangeStep failure() {
        return steps.isEmpty() || !steps.get(steps.size() - 1).fails() ? null : steps.get(steps.size() - 1);
    }
}
