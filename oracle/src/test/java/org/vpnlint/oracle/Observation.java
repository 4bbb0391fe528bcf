package org.vpnlint.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kernel's verdict on one probe, with the evidence it rests on.
 *
 * <p>This kernel cannot hold an SA (no ESP type), so "SA up" and "SA down" are played by template modes
 * ({@link TemplateMode}) and the verdict is read from side effects (docs/semantics/oracle-method.md#observables):
 *
 * <table>
 * <caption>kernel observables → verdict, first matching row wins</caption>
 * <tr><th>observable</th><th>verdict</th><th>model meaning</th></tr>
 * <tr><td>sendto/connect failed with another error than EREMOTE (ENETUNREACH: no route; EHOSTUNREACH:
 *     unreachable route; EINVAL: blackhole route) — the FIB fails before any XFRM lookup</td>
 *     <td>{@link KernelVerdict#UNREACHABLE}</td>
 *     <td>unreachable (local)</td></tr>
 * <tr><td>XfrmOutNoStates grew: a lookup matched a {@code level required} policy with no state. The larval
 *     states show the flow of every lookup that matched (reqid → policy). Forwarded: dropped; local, at route
 *     time: sendto succeeds and the packet vanishes; local, on the lookup after SNAT: sendto fails with EREMOTE
 *     (TCP's connect does not report it), see docs/semantics/kernel-facts.md</td>
 *     <td>{@link KernelVerdict#DROPPED_NO_STATE}</td><td>dropped: policy without SA (trap)</td></tr>
 * <tr><td>any other XFRM counter grew, e.g. XfrmInTmplMismatch: a cleartext packet failed a fwd/in policy check
 *     (done on the addresses it had on arrival)</td><td>{@link KernelVerdict#DROPPED_BY_POLICY}</td>
 *     <td>dropped: inbound policy check</td></tr>
 * <tr><td>arrived at lan or wan with header H, and an outbound {@code level use} policy that took part in a lookup
 *     of this packet (it has a larval state) covers H. For a SNATed packet the last lookup, the one that
 *     counts, uses the translated header, which is H</td><td>{@link KernelVerdict#ENCRYPTED_STANDIN}</td>
 *     <td>encrypted by that policy's tunnel</td></tr>
 * <tr><td>arrived with header H, no such policy (possibly after a pre-SNAT lookup matched one: with a real SA that
 *     is the bundle → SNAT → re-lookup finds nothing → cleartext case)</td><td>{@link KernelVerdict#CLEARTEXT}</td>
 *     <td>cleartext with header H</td></tr>
 * <tr><td>router INPUT counted it</td><td>{@link KernelVerdict#DELIVERED_LOCAL}</td><td>local</td></tr>
 * <tr><td>entered FORWARD or OUTPUT but did not leave it, or left them but not POSTROUTING, with no XFRM counter
 *     moving</td><td>{@link KernelVerdict#FILTERED}</td><td>dropped by the firewall</td></tr>
 * <tr><td>entered PREROUTING, never reached FORWARD or INPUT (no route, blackhole or unreachable route)</td>
 *     <td>{@link KernelVerdict#UNREACHABLE}</td><td>unreachable (forwarded)</td></tr>
 * <tr><td>anything else</td><td>{@link KernelVerdict#LOST}</td><td>none: the harness is wrong</td></tr>
 * </table>
 *
 * <p>Why "covers H" rather than "has a larval state whose flow is H": Linux 6.18 keeps one larval state per flow,
 * so when both lookups of a SNATed packet hit the same policy both flows are recorded (see
 * {@code OutboundSnatPolicyTest}), but a kernel that keeps one larval state per template would record only the
 * first. Covering is enough because any other policy covering H would have left its own trace (a larval state,
 * or XfrmOutNoStates): every policy here has a template, and outbound reqids are distinct.
 *
 * @param verdict          the kernel's verdict
 * @param headerOnArrival  the header seen on the far side, or null if it arrived nowhere
 * @param arrivedAt        where it arrived, or null
 * @param matchedPolicies  outbound policies that matched a lookup of this packet (from larval states)
 * @param evidence         the raw observables
 */
public record Observation(
        KernelVerdict verdict,
        PacketHeader headerOnArrival,
        Origin arrivedAt,
        List<XfrmPolicy> matchedPolicies,
        Evidence evidence) {

    public Observation {
        matchedPolicies = List.copyOf(matchedPolicies);
    }

    /** Applies the table above. */
    public static Observation classify(KernelScenario scenario, Evidence evidence) {
        List<XfrmPolicy> matched = new ArrayList<>();
        for (LarvalState state : evidence.larvalStates()) {
            XfrmPolicy policy = scenario.outboundPolicyWithReqid(state.reqid());
            if (policy != null && !matched.contains(policy)) {
                matched.add(policy);
            }
        }
        Origin arrivedAt = null;
        PacketHeader header = null;
        for (Map.Entry<Origin, ArrivalLog> entry : evidence.arrivals().entrySet()) {
            if (!entry.getValue().isEmpty()) {
                arrivedAt = entry.getKey();
                header = entry.getValue().headers().iterator().next();
            }
        }
        return new Observation(verdictOf(evidence, matched, header), header, arrivedAt, matched, evidence);
    }

    private static KernelVerdict verdictOf(Evidence evidence, List<XfrmPolicy> matched, PacketHeader header) {
        HookCounters hooks = evidence.hooks();
        if (!evidence.send().sent() && !evidence.send().refusedByXfrm()) {
            return KernelVerdict.UNREACHABLE;
        }
        if (evidence.xfrmChange("XfrmOutNoStates") > 0) {
            return KernelVerdict.DROPPED_NO_STATE;
        }
        if (!evidence.xfrmChanges().isEmpty()) {
            return KernelVerdict.DROPPED_BY_POLICY;
        }
        if (header != null) {
            boolean covered = matched.stream()
                    .anyMatch(policy -> policy.template().mode() == TemplateMode.TRANSPORT_USE
                            && policy.selector().contains(header));
            return covered ? KernelVerdict.ENCRYPTED_STANDIN : KernelVerdict.CLEARTEXT;
        }
        if (hooks.input() > 0) {
            return KernelVerdict.DELIVERED_LOCAL;
        }
        boolean leftFilterHooks = hooks.forwardLeft() + hooks.outputLeft() > 0;
        if (hooks.forwardEntered() > hooks.forwardLeft()
                || hooks.outputEntered() > hooks.outputLeft()
                || (leftFilterHooks && hooks.postroutingLeft() == 0)) {
            return KernelVerdict.FILTERED;
        }
        if (hooks.prerouting() > 0 && hooks.forwardEntered() == 0) {
            return KernelVerdict.UNREACHABLE;
        }
        return KernelVerdict.LOST;
    }

    /** The flows of the outbound lookups that matched a policy, as the larval states recorded them. */
    public List<PacketHeader> matchedLookupFlows() {
        return evidence.larvalStates().stream().map(LarvalState::flow).toList();
    }

    @Override
    public String toString() {
        return verdict + (headerOnArrival == null ? "" : " as " + headerOnArrival + " at " + arrivedAt) + " ["
                + evidence + "]";
    }
}
