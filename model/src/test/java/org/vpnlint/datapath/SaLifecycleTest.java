package org.vpnlint.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vpnlint.datapath.SaLifecycle.StartAction;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.CloseAction;
import org.vpnlint.model.ConnectionType;
import org.vpnlint.model.DeadPeerDetection;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.DpdAction;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IpsecPeer;

/**
 * What happens to a peer's policies when its SA goes down, per dialect (docs/semantics/sa-lifecycle.md#start-action).
 */
class SaLifecycleTest {

    private static IpsecPeer peer(String name, ConnectionType type) {
        return new IpsecPeer(
                name,
                List.of(),
                "192.0.2.1",
                AuthenticationMode.PRE_SHARED_SECRET,
                null,
                null,
                null,
                type,
                "IKE",
                "ESP",
                List.of(),
                null,
                null,
                false,
                false,
                "peer " + name,
                null);
    }

    private static IkeGroup group(DeadPeerDetection dpd, CloseAction close) {
        return new IkeGroup("IKE", 2, List.of(), dpd, close, null, false, null);
    }

    private static final IkeGroup PLAIN = group(null, null);

    @Test
    void unsetConnectionTypeStartsAndRemovesPoliciesWhenDown() {
        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), PLAIN);

        assertEquals(StartAction.START, lifecycle.startAction());
        assertFalse(lifecycle.policiesSurviveDown());
    }

    @Test
    void respondRendersTrapSoPoliciesStay() {
        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", ConnectionType.RESPOND), PLAIN);

        assertEquals(StartAction.TRAP, lifecycle.startAction());
        assertTrue(lifecycle.policiesSurviveDown());
        assertEquals(List.of("start_action=trap"), lifecycle.trapSettings());
    }

    @Test
    void connectionTypeNoneStartsNothing() {
        assertEquals(
                StartAction.NONE,
                SaLifecycle.of(Dialect.VYOS_1_5, peer("branch", ConnectionType.NONE), PLAIN)
                        .startAction());
    }

    @Test
    void peerTaggedWithAnIdIsAddedOnlyEvenWhenResponding() {
        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_2, peer("@west", ConnectionType.RESPOND), PLAIN);

        assertEquals(StartAction.NONE, lifecycle.startAction());
        assertFalse(lifecycle.policiesSurviveDown());
    }

    @Test
    void legacyPeerTaggedAnyIsAddedOnly() {
        assertEquals(
                StartAction.NONE,
                SaLifecycle.of(Dialect.VYOS_1_3, peer("0.0.0.0", null), PLAIN).startAction());
        assertEquals(
                StartAction.NONE,
                SaLifecycle.of(Dialect.EDGEOS, peer("any", null), PLAIN).startAction());
    }

    @Test
    void legacyDeadPeerDetectionDefaultsToHoldWhichKeepsTraps() {
        IkeGroup withDpd = group(new DeadPeerDetection(null, 30, 120), null);

        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_3, peer("192.0.2.150", null), withDpd);

        assertEquals(DpdAction.HOLD, lifecycle.dpdAction());
        assertTrue(lifecycle.policiesSurviveDown());
    }

    @Test
    void edgeOsDeadPeerDetectionDefaultsToHoldToo() {
        IkeGroup withDpd = group(new DeadPeerDetection(null, 30, 120), null);

        assertEquals(
                DpdAction.HOLD,
                SaLifecycle.of(Dialect.EDGEOS, peer("192.0.2.150", null), withDpd)
                        .dpdAction());
    }

    @Test
    void newDeadPeerDetectionDefaultsToClearWhichRemovesPolicies() {
        IkeGroup withDpd = group(new DeadPeerDetection(null, 30, 120), null);

        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), withDpd);

        assertEquals(DpdAction.CLEAR, lifecycle.dpdAction());
        assertFalse(lifecycle.policiesSurviveDown());
    }

    @Test
    void withoutDeadPeerDetectionThereIsNoDpdAction() {
        assertNull(SaLifecycle.of(Dialect.VYOS_1_3, peer("192.0.2.150", null), PLAIN)
                .dpdAction());
    }

    @Test
    void explicitDpdTrapKeepsPolicies() {
        IkeGroup trap = group(new DeadPeerDetection(DpdAction.TRAP, 30, 120), null);

        assertTrue(SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), trap).policiesSurviveDown());
    }

    @Test
    void restartRemovesPoliciesWhileTheNewSaIsNegotiated() {
        IkeGroup restart = group(new DeadPeerDetection(DpdAction.RESTART, 30, 120), CloseAction.RESTART);

        assertFalse(SaLifecycle.of(Dialect.VYOS_1_3, peer("192.0.2.150", null), restart)
                .policiesSurviveDown());
    }

    @Test
    void closeActionHoldOrTrapKeepsPoliciesAndDefaultsToNone() {
        assertTrue(SaLifecycle.of(Dialect.VYOS_1_3, peer("192.0.2.150", null), group(null, CloseAction.HOLD))
                .policiesSurviveDown());
        assertTrue(SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), group(null, CloseAction.TRAP))
                .policiesSurviveDown());
        assertEquals(
                CloseAction.NONE,
                SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), PLAIN).closeAction());
        assertFalse(SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), group(null, CloseAction.START))
                .policiesSurviveDown());
    }

    @Test
    void missingIkeGroupMeansDefaults() {
        SaLifecycle lifecycle = SaLifecycle.of(Dialect.VYOS_1_4, peer("branch", null), null);

        assertEquals(CloseAction.NONE, lifecycle.closeAction());
        assertNull(lifecycle.dpdAction());
        assertTrue(lifecycle.explanation().endsWith("policies and table-220 routes go with the SA"));
    }
}
