package org.vpnlint.datapath;

/**
 * The result of an XFRM policy lookup: whether a policy matched, whether it has an SA (a bundle) or is a trap
 * (no state), which tunnel it belongs to (0 for none) and which entry of the compiled policy list (1-based).
 */
public record PolicyHit<B, V>(B matched, B withState, V tunnel, V entry) {}
