package org.vpnlint.checks.diff;

import java.util.Objects;
import org.vpnlint.datapath.PacketTrace;

/** The fate comparison of {@link FatePair}, on two concrete replays: the check that confirms a solver's witness. */
public final class Fates {

    private Fates() {}

    public static boolean same(PacketTrace before, PacketTrace after) {
        if (before.verdict() != after.verdict()) return false;
        return switch (before.verdict()) {
            case ENCRYPTED ->
                Objects.equals(before.tunnel(), after.tunnel())
                        && Objects.equals(before.egress(), after.egress())
                        && before.finalHeader().equals(after.finalHeader());
            case CLEARTEXT ->
                Objects.equals(before.egress(), after.egress())
                        && before.finalHeader().equals(after.finalHeader());
            case LOCAL -> before.finalHeader().equals(after.finalHeader());
            case DROPPED, UNREACHABLE -> true;
        };
    }
}
