package org.vpnlint.oracle.ike;

/**
 * What real charon did for a pair: whether an IKE_SA got established (and by which side's initiation), how the
 * first CHILD_SA negotiation ended (IKEv2 only; the kernel here cannot install it, so "negotiated" means charon
 * got as far as installing), the log lines that show it, and both charons' IKE/CFG log lines (for a disagreement report).
 */
record IkeObservation(
        boolean established,
        String initiatedBy,
        int version,
        ChildOutcome child,
        Narrowing narrowing,
        String evidence,
        String transcript) {

    /** The traffic selectors the responder settled on ("=> match:" in its log), TSi and TSr; null if not seen. */
    record Narrowing(String initiatorSide, String responderSide) {}

    enum ChildOutcome {
        NOT_OBSERVED,
        NEGOTIATED,
        NO_PROPOSAL,
        TS_UNACCEPTABLE
    }
}
