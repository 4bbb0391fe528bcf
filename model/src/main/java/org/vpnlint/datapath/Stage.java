package org.vpnlint.datapath;

/**
 * The steps of the data path, in the order the kernel runs them
 * (docs/semantics/netfilter-and-xfrm-order.md#order-at-a-glance).
 */
public enum Stage {
    DECRYPT("decrypt"),
    PREROUTING_POLICY_ROUTE("prerouting-policy-route"),
    PREROUTING_DNAT("prerouting-dnat"),
    ROUTE("route"),
    OUTPUT_LOAD_BALANCE("output-load-balance"),
    POLICY_CHECK_FWD("policy-check-fwd"),
    POLICY_LOOKUP("policy-lookup"),
    OUTPUT_DNAT("output-dnat"),
    OUTPUT_FILTER("output-filter"),
    FORWARD_FILTER("forward-filter"),
    INPUT_FILTER("input-filter"),
    POLICY_CHECK_IN("policy-check-in"),
    DELIVER("deliver"),
    POSTROUTING_SNAT("postrouting-snat"),
    POLICY_LOOKUP_AFTER_SNAT("policy-lookup-after-snat"),
    ENCRYPT("encrypt"),
    OUTER_OUTPUT("outer-output"),
    OUTER_POSTROUTING("outer-postrouting"),
    TRANSMIT("transmit");

    private final String id;

    Stage(String id) {
        this.id = id;
    }

    /** The stable id used in traces and JSON, e.g. {@code postrouting-snat}. */
    public String id() {
        return id;
    }
}
