package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;

/**
 * What keeps a tunnel's traffic in while its SA is down: a blackhole route per remote prefix (distance 254, so a
 * real route to the prefix still wins and strongSwan's table 220 is consulted first anyway), or, where the remote
 * prefix holds the peer itself and a blackhole would cut IKE too, trap policies kept by the DPD action
 * (docs/semantics/sa-lifecycle.md#blackhole-guard, docs/semantics/sa-lifecycle.md#dpd-action).
 */
final class SaDownFix {

    static final int BLACKHOLE_DISTANCE = 254;

    private SaDownFix() {}

    static ConfigChange blackholes(Router router, List<IPAddress> prefixes) {
        ConfigChange change = new ConfigChange();
        for (IPAddress prefix : prefixes) {
            change.set(
                    List.of(
                            Segment.of("protocols"),
                            Segment.of("static"),
                            Segment.of("route", NatExcludeFix.prefixText(prefix))),
                    Segment.of("blackhole"),
                    Segment.of("distance", BLACKHOLE_DISTANCE));
        }
        return change;
    }

    /** {@code dead-peer-detection action hold} (1.2/1.3/EdgeOS) or {@code trap} (1.4/1.5) on the peer's IKE group. */
    static ConfigChange trapOnDpd(Router router, String ikeGroup) {
        if (ikeGroup == null) return null;
        String action = router.dialect() == Dialect.VYOS_1_4 || router.dialect() == Dialect.VYOS_1_5 ? "trap" : "hold";
        ConfigChange change = new ConfigChange()
                .set(
                        List.of(
                                Segment.of("vpn"),
                                Segment.of("ipsec"),
                                Segment.of("ike-group", ikeGroup),
                                Segment.of("dead-peer-detection")),
                        Segment.of("action", action));
        return change;
    }
}
