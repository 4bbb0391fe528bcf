package org.vpnlint.datapath;

/**
 * What a replay needs of the pipeline's result: the packet's fate ({@link Outcome} has the same fields and more).
 *
 * @param outerHeader the ESP packet after its own POSTROUTING; set when the packet is encrypted
 */
record Fate<V>(V verdict, V dropReason, V tunnel, V egress, Header<V> finalHeader, Header<V> outerHeader) {}
