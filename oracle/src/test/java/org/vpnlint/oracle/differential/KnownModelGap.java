package org.vpnlint.oracle.differential;

import java.util.Optional;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.oracle.KernelVerdict;
import org.vpnlint.oracle.LarvalState;

/**
 * Disagreements this test found that are model bugs, reported to the lead and not yet fixed in the datapath. A
 * disagreement one of these explains is still printed and counted as failed, but does not fail the test; any
 * other disagreement does. Delete an entry once the datapath is fixed.
 */
enum KnownModelGap {

    /**
     * {@code local-address any} with a selector that is the local IKE endpoint (a tunnel without prefixes, or
     * transport mode): the model installs no policy ("only the running router knows" the address), while
     * strongSwan resolves it to the kernel's source address towards the peer and installs the policies. Minimal
     * case: peer 203.0.113.20 with {@code local-address any}, {@code tunnel 1 protocol gre}, SA up, the router's
     * GRE 192.0.2.1 → 203.0.113.20: model CLEARTEXT, kernel encrypted (and dropped with a trap while the SA is down).
     */
    LOCAL_ANY_ENDPOINT_SELECTOR("policies of a tunnel whose local selector is local-address any are missing from the model"),

    /**
     * The model runs the forward policy check against transport-mode tunnels too, but strongSwan installs no
     * {@code fwd} policy in transport mode (child_sa.c install_policies_inbound). Minimal case: transport-mode
     * tunnel 192.0.2.1 ↔ 203.0.113.20 proto udp, SA up, DNAT udp/7000 on 192.0.2.1 to 192.168.10.100; a cleartext
     * udp 203.0.113.20 → 192.0.2.1:7000 from the WAN: model dropped (fwd check), kernel forwards it to the lan.
     */
    TRANSPORT_MODE_FORWARD_CHECK("the model's forward check applies transport-mode selectors, which have no fwd policy");

    private final String summary;

    KnownModelGap(String summary) {
        this.summary = summary;
    }

    String summary() {
        return summary;
    }

    /** The gap that explains this disagreement, if any. */
    static Optional<KnownModelGap> explaining(CaseResult result) {
        if (result.agrees() || result.seen() == null) return Optional.empty();
        RenderedScenario rendered = result.rendered();
        for (LarvalState lookup : result.seen().evidence().larvalStates()) {
            var tunnel = rendered.tunnel(rendered.tunnelByReqid().get(lookup.reqid()));
            boolean localEndpoint = tunnel.map(t -> t.transportMode() || t.tunnel().localPrefixes().isEmpty()).orElse(false);
            if (localEndpoint && !tunnel.get().endpoints().localConfigured()) return Optional.of(LOCAL_ANY_ENDPOINT_SELECTOR);
        }
        var trace = result.trace();
        boolean forwardCheckDrop = trace.verdict() == Verdict.DROPPED
                && trace.dropReason() == DropReason.CLEARTEXT_MATCHES_INBOUND_POLICY
                && result.seen().verdict() != KernelVerdict.DROPPED_BY_POLICY;
        boolean byTransportTunnel = trace.tunnel() != null
                && rendered.tunnel(trace.tunnel()).map(RenderedTunnel::transportMode).orElse(false);
        if (forwardCheckDrop && byTransportTunnel) return Optional.of(TRANSPORT_MODE_FORWARD_CHECK);
        return Optional.empty();
    }
}
