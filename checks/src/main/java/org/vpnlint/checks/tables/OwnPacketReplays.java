package org.vpnlint.checks.tables;

import java.util.HashMap;
import java.util.Map;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.datapath.ConcretePacket;

/**
 * The replays of one router's own flows with every SA up, each distinct packet once: peers that share their
 * addresses send the same IKE, NAT-T and ESP packets, and a hub may have hundreds of them.
 */
final class OwnPacketReplays {

    private final Map<ConcretePacket, ReplayedWitness> replays = new HashMap<>();

    ReplayedWitness of(OwnTraffic.Flow flow) {
        return replays.computeIfAbsent(flow.packet(), packet -> ReplayedWitness.withEverySaUp(flow.router(), packet));
    }
}
