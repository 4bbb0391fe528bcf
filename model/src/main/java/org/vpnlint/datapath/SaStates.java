package org.vpnlint.datapath;

import java.util.Map;
import java.util.TreeMap;

/**
 * Whether each tunnel's CHILD_SA is established (up) or not (down), as an input to a replay: a default for all
 * tunnels plus exceptions. What "down" means for a tunnel's policies and routes is decided by
 * {@link SaLifecycle}.
 */
public record SaStates(boolean defaultUp, Map<TunnelRef, Boolean> exceptions) {

    public SaStates {
        TreeMap<TunnelRef, Boolean> sorted = new TreeMap<>(TunnelRef.ORDER);
        sorted.putAll(exceptions);
        exceptions = java.util.Collections.unmodifiableMap(sorted);
    }

    public static SaStates allUp() {
        return new SaStates(true, Map.of());
    }

    public static SaStates allDown() {
        return new SaStates(false, Map.of());
    }

    public SaStates with(TunnelRef tunnel, boolean up) {
        TreeMap<TunnelRef, Boolean> changed = new TreeMap<>(TunnelRef.ORDER);
        changed.putAll(exceptions);
        changed.put(tunnel, up);
        return new SaStates(defaultUp, changed);
    }

    public boolean isUp(TunnelRef tunnel) {
        return exceptions.getOrDefault(tunnel, defaultUp);
    }

    /** E.g. "SA of every tunnel up", "SA of every tunnel down except tunnel 1 of peer X". */
    public String describe() {
        StringBuilder text = new StringBuilder("SA of every tunnel ").append(defaultUp ? "up" : "down");
        var others = exceptions.entrySet().stream()
                .filter(e -> e.getValue() != defaultUp)
                .map(e -> e.getKey().toString())
                .toList();
        if (!others.isEmpty()) text.append(" except ").append(String.join(", ", others));
        return text.toString();
    }
}
