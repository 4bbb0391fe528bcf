package org.vpnlint.checks.tables;

/**
 * Where a chain runs, which fixes the interfaces a packet there has: forward both, input only the input
 * interface, output only the output interface, a named chain any of these; NAT: PREROUTING (destination rules)
 * and POSTROUTING (source rules).
 */
enum ChainHook {
    FORWARD("forward-filter"),
    INPUT("input-filter"),
    OUTPUT("output-filter"),
    NAMED("filter"),
    PREROUTING("prerouting-dnat"),
    POSTROUTING("postrouting-snat");

    private final String stage;

    ChainHook(String stage) {
        this.stage = stage;
    }

    /** The trace stage id for steps in this chain. */
    String stage() {
        return stage;
    }
}
