package org.vpnlint.datapath;

import java.util.Locale;

/**
 * Why a packet was dropped (or found no route), with the kernel counter or behaviour it corresponds to
 * (docs/semantics/netfilter-and-xfrm-order.md#policy-without-sa). The code is its value in the pipeline's drop-reason
 * term.
 */
public enum DropReason {
    NONE("-"),
    NO_ROUTE("no route to the destination (ENETUNREACH / ICMP network unreachable)"),
    BLACKHOLE_ROUTE("blackhole route"),
    REJECT_ROUTE("reject route (ICMP unreachable to the sender)"),
    POLICY_WITHOUT_SA("IPsec policy matches but its SA is not established (XfrmOutNoStates; ACQUIRE sent)"),
    SOCKET_POLICY_WITHOUT_SA("IPsec policy matches but its SA is not established: the socket gets a blackhole route, "
            + "sendto succeeds and nothing is sent (XfrmOutNoStates; ACQUIRE sent)"),
    POLICY_WITHOUT_SA_AFTER_SNAT("after source NAT the translated packet matches an IPsec policy whose SA is not "
            + "established (dropped in POSTROUTING, XfrmOutNoStates)"),
    SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT("after source NAT the router's own packet matches an IPsec policy whose SA "
            + "is not established: the kernel refuses the send, the sending program gets EREMOTE (a TCP connect does "
            + "not report it) and nothing is sent (XfrmOutNoStates; ACQUIRE sent)"),
    CLEARTEXT_MATCHES_INBOUND_POLICY(
            "arrived unencrypted but matches an inbound IPsec policy that requires ESP " + "(XfrmInTmplMismatch)"),
    DECRYPTED_WITHOUT_POLICY("decrypted packet matches no inbound IPsec policy (XfrmInNoPols)"),
    DECRYPTED_BY_WRONG_SA("decrypted packet matches another tunnel's inbound policy (XfrmInTmplMismatch)"),
    NO_INBOUND_SA("ESP for a tunnel whose SA is not established (XfrmInNoStates)"),
    FORWARD_FILTER("dropped by the forward filter"),
    INPUT_FILTER("dropped by the input filter"),
    OUTPUT_FILTER("dropped by the output filter"),
    OUTER_OUTPUT_FILTER("the encrypted (outer) packet is dropped by the output filter"),
    DISCARD_INTERFACE("routed into a dummy or loopback interface, which discards it"),
    POLICY_ROUTE_DROP("dropped by a policy-routing rule in mangle PREROUTING");

    public static final int WIDTH = 8;

    private final String description;

    DropReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public int code() {
        return ordinal();
    }

    public static DropReason ofCode(int code) {
        return values()[code];
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
