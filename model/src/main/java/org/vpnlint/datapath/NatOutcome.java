package org.vpnlint.datapath;

/**
 * The result of one NAT chain: the header after it, which rule matched first (1-based position in the compiled
 * rule list, 0 for none) and whether that rule translates (an exclude matches without translating).
 */
public record NatOutcome<B, V>(Header<V> header, V rule, B translating) {}
