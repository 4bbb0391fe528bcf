package org.vpnlint.oracle;

import java.util.List;
import java.util.Map;

/**
 * The raw kernel observables after one probe, before interpretation.
 *
 * @param send          what the sending socket said
 * @param hooks         the router's per-hook probe counters
 * @param xfrmChanges   router XFRM counters that moved during the probe (name → increase)
 * @param larvalStates  larval states on the router: one per outbound policy that matched a lookup
 * @param arrivals      headers that arrived in the lan, wan (and wan2) namespaces (the origin's own log is left out)
 */
public record Evidence(
        SendResult send,
        HookCounters hooks,
        Map<String, Long> xfrmChanges,
        List<LarvalState> larvalStates,
        Map<Origin, ArrivalLog> arrivals) {

    public Evidence {
        xfrmChanges = Map.copyOf(xfrmChanges);
        larvalStates = List.copyOf(larvalStates);
        arrivals = Map.copyOf(arrivals);
    }

    long xfrmChange(String counter) {
        return xfrmChanges.getOrDefault(counter, 0L);
    }

    boolean arrivedAnywhere() {
        return arrivals.values().stream().anyMatch(log -> !log.isEmpty());
    }

    /**
     * True once the probe's fate is certain: it was refused, arrived, was delivered, or an XFRM drop counter moved.
     * Silent drops (filter, routing) never become conclusive; the oracle stops waiting for them after a deadline.
     */
    boolean isConclusive() {
        return !send.sent() || arrivedAnywhere() || !xfrmChanges.isEmpty() || hooks.input() > 0;
    }

    @Override
    public String toString() {
        return send + "; " + hooks + "; xfrm " + xfrmChanges + "; larval " + larvalStates + "; arrivals " + arrivals;
    }
}
