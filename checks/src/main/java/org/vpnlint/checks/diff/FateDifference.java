package org.vpnlint.checks.diff;

import java.util.List;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;

/**
 * One class of packets whose fate changes, with a witness replayed on both versions.
 *
 * @param before     the witness's trace through the old version
 * @param after      its trace through the new version (the same packet and SA states)
 * @param saState    the witness's SA states in words: "up", "down", or which tunnels are down
 * @param affected   the packets proved to change the same way around the witness
 * @param causes     the changed configuration nodes that act in either trace (all changes when none does)
 */
public record FateDifference(String beforeFile, String afterFile, PacketTrace before, PacketTrace after, String saState,
                             AffectedSpace affected, List<ConfigChange> causes) {

    public FateDifference {
        causes = List.copyOf(causes);
    }

    /**
     * Encrypted traffic that now leaves in cleartext is an error; traffic that is now dropped (or finds no route) a
     * warning; every other change a note.
     */
    public Level level() {
        if (before.verdict() == Verdict.ENCRYPTED && after.verdict() == Verdict.CLEARTEXT) return Level.ERROR;
        if (dropped(after.verdict()) && !dropped(before.verdict())) return Level.WARNING;
        return Level.NOTE;
    }

    private static boolean dropped(Verdict verdict) {
        return verdict == Verdict.DROPPED || verdict == Verdict.UNREACHABLE;
    }

    /** E.g. "packets arriving on eth1 from 192.168.10.0/24 to 10.10.10.0/24, any protocol (every one of them, proved; SA up): encrypted by ... before, now cleartext ...". */
    public String message() {
        String where = before.packet().ingress().toString();
        String arriving = where.equals("local") ? "packets the router itself sends" : "packets arriving on " + where;
        String proof = affected.widest() ? "every one of them, proved" : "every one of them, proved; wider prefixes undecided";
        return arriving + " " + affected.describe() + " (" + proof + "; SA " + saState + "): " + fate(before)
                + " before, now " + fate(after);
    }

    /** The fate in words, e.g. "encrypted by tunnel 1 of peer 192.0.2.150, out of eth0". */
    static String fate(PacketTrace trace) {
        return switch (trace.verdict()) {
            case ENCRYPTED -> "encrypted by " + trace.tunnel() + " out of " + trace.egress() + " as " + trace.finalHeader();
            case CLEARTEXT -> "cleartext out of " + trace.egress() + " as " + trace.finalHeader();
            case DROPPED -> "dropped (" + trace.dropReason().description() + ")";
            case UNREACHABLE -> "unreachable (" + trace.dropReason().description() + ")";
            case LOCAL -> "delivered to the router as " + trace.finalHeader();
        };
    }
}
