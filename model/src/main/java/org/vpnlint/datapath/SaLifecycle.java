package org.vpnlint.datapath;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.CloseAction;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.DeadPeerDetection;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IpsecPeer;

/**
 * What strongSwan does with a peer's policies (and table-220 routes) while its CHILD_SA is down, derived from the
 * settings VyOS renders for the peer.
 *
 * <ul>
 *   <li>start_action (docs/semantics/sa-lifecycle.md#start-action): {@code connection-type} initiate or unset ⇒ start,
 *       respond ⇒ trap, none ⇒ none. A peer named {@code @id} ⇒ none in every dialect; in 1.2/1.3/EdgeOS a peer
 *       tagged {@code any} or {@code 0.0.0.0} too ({@code right=%any}, {@code auto=add}).</li>
 *   <li>dpd_action only when {@code dead-peer-detection} is configured: default hold (= trap) in 1.2/1.3/EdgeOS,
 *       clear in 1.4/1.5 (docs/semantics/sa-lifecycle.md#dpd-action).</li>
 *   <li>close_action default none (docs/semantics/sa-lifecycle.md#close-action; 1.4 migration 8-to-9 turned clear
 *       into none).</li>
 *   <li>Trap policies belong to a separate trap CHILD_SA and survive the regular one
 *       (docs/semantics/sa-lifecycle.md#policies-go-with-the-child-sa); they
 *       exist when start_action is trap, and after a DPD or close event whose action is hold or trap.
 *       Restart (1.2/1.3) and start (1.4) re-initiate but first delete the CHILD_SA with its policies, so while the
 *       new SA is being negotiated nothing catches the traffic: the model counts them as removing the policies.</li>
 * </ul>
 * The model's "SA down" is the union of these events: policies survive if any of them leaves a trap behind.
 */
public record SaLifecycle(
        StartAction startAction, DpdAction dpdAction, CloseAction closeAction, List<String> trapSettings) {

    /** strongSwan's {@code start_action}. */
    public enum StartAction {
        START,
        TRAP,
        NONE
    }

    public SaLifecycle {
        trapSettings = List.copyOf(trapSettings);
    }

    public static SaLifecycle of(Dialect dialect, IpsecPeer peer, IkeGroup ikeGroup) {
        StartAction start = startAction(dialect, peer);
        DpdAction dpd = dpdAction(dialect, ikeGroup == null ? null : ikeGroup.deadPeerDetection());
        CloseAction close =
                ikeGroup == null || ikeGroup.closeAction() == null ? CloseAction.NONE : ikeGroup.closeAction();
        List<String> traps = new ArrayList<>();
        if (start == StartAction.TRAP) traps.add("start_action=trap");
        if (dpd == DpdAction.HOLD || dpd == DpdAction.TRAP) traps.add("dpd_action=" + lower(dpd));
        if (close == CloseAction.HOLD || close == CloseAction.TRAP) traps.add("close_action=" + lower(close));
        return new SaLifecycle(start, dpd, close, traps);
    }

    /** Whether trap policies (and with them the table-220 routes) remain while the SA is down. */
    public boolean policiesSurviveDown() {
        return !trapSettings.isEmpty();
    }

    /** E.g. "start_action=start, dpd_action=clear, close_action=none: policies and table-220 routes go with the SA". */
    public String explanation() {
        String settings = "start_action=" + lower(startAction)
                + ", dpd_action=" + (dpdAction == null ? "none (no dead-peer-detection)" : lower(dpdAction))
                + ", close_action=" + lower(closeAction);
        return policiesSurviveDown()
                ? settings + ": trap policies stay while the SA is down (" + String.join(", ", trapSettings) + ")"
                : settings + ": policies and table-220 routes go with the SA";
    }

    static StartAction startAction(Dialect dialect, IpsecPeer peer) {
        if (peer.name().startsWith("@")) return StartAction.NONE;
        if (dialect.legacyIpsecSyntax()
                && (peer.name().equals("any") || peer.name().equals("0.0.0.0"))) {
            return StartAction.NONE;
        }
        ConnectionType type = peer.connectionType();
        if (type == null || type == ConnectionType.INITIATE) return StartAction.START;
        return type == ConnectionType.RESPOND ? StartAction.TRAP : StartAction.NONE;
    }

    static DpdAction dpdAction(Dialect dialect, DeadPeerDetection dpd) {
        if (dpd == null) return null;
        if (dpd.action() != null) return dpd.action();
        return dialect.legacyIpsecSyntax() ? DpdAction.HOLD : DpdAction.CLEAR;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }
}
