package org.vpnlint.oracle;

/** What the kernel did with a probe, in the terms of the datapath model's verdicts. See {@link Observation}. */
public enum KernelVerdict {
    /** The final outbound policy lookup matched a policy whose SA counts as up: with a real SA it is encrypted. */
    ENCRYPTED_STANDIN,
    /** Left the router untransformed and arrived at the far side (with the header recorded there). */
    CLEARTEXT,
    /** An outbound policy matched but its SA is down (XfrmOutNoStates): dropped, ACQUIRE sent. */
    DROPPED_NO_STATE,
    /** Another XFRM check dropped it, typically an inbound fwd/in policy check (XfrmInTmplMismatch). */
    DROPPED_BY_POLICY,
    /** No usable route: the local sender got an error, or a forwarded packet never reached FORWARD. */
    UNREACHABLE,
    /** An nftables filter dropped it (entered a hook, did not leave it). */
    FILTERED,
    /** Delivered to the router itself (reached INPUT). */
    DELIVERED_LOCAL,
    /** None of the observers can explain it; a harness or topology problem rather than a kernel answer. */
    LOST
}
