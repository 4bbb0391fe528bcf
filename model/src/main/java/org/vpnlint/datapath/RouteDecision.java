package org.vpnlint.datapath;

/**
 * The result of a route lookup: the kind of the winning route ({@link RouteLookup#NONE} when none matches, else
 * {@code RouteEntry.Kind.ordinal() + 1}), the egress interface index (0 unless it forwards) and the winning entry
 * (1-based position in {@link CompiledRouter#routes()}, 0 for none).
 */
public record RouteDecision<B, V>(V kind, V egress, V entry) {}
