package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;

/**
 * How a CHILD_SA proposed by one end meets the other end's configuration: the responder's child whose selectors
 * overlap (strongSwan picks the child config by traffic selectors) and the selectors strongSwan narrows to —
 * the initiator's TSi intersected with the responder's remote selector, TSr with its local one.
 * {@code counterpart} is null when no child of the responder overlaps (TS_UNACCEPTABLE).
 */
public record ChildSaMatch(
        ChildSaConfig proposed,
        ChildSaConfig counterpart,
        TrafficSelector narrowedLocal,
        TrafficSelector narrowedRemote) {

    public boolean mirrored() {
        return counterpart != null
                && narrowedLocal.sameAs(proposed.local())
                && narrowedRemote.sameAs(proposed.remote())
                && narrowedLocal.sameAs(counterpart.remote())
                && narrowedRemote.sameAs(counterpart.local());
    }

    /** Every child of {@code proposer} matched against its partner's children. */
    public static List<ChildSaMatch> forEnd(PeerPair pair, PeerEnd proposer) {
        List<ChildSaConfig> theirs = ChildSaConfig.of(pair.partnerOf(proposer));
        List<ChildSaMatch> matches = new ArrayList<>();
        for (ChildSaConfig mine : ChildSaConfig.of(proposer)) {
            ChildSaMatch best = new ChildSaMatch(mine, null, null, null);
            for (ChildSaConfig candidate : theirs) {
                TrafficSelector local = mine.local().intersect(candidate.remote());
                TrafficSelector remote = mine.remote().intersect(candidate.local());
                if (local == null || remote == null) continue;
                ChildSaMatch match = new ChildSaMatch(mine, candidate, local, remote);
                if (best.counterpart() == null || match.mirrored() && !best.mirrored()) best = match;
            }
            matches.add(best);
        }
        return matches;
    }
}
