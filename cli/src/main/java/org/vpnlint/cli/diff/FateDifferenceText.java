package org.vpnlint.cli.diff;

import org.vpnlint.checks.diff.FateDifference;
import org.vpnlint.datapath.PacketTrace;

/** Short forms of a difference's two fates, for fingerprints and the text report's headings. */
final class FateDifferenceText {

    private FateDifferenceText() {}

    /** E.g. "encrypted tunnel 1 of peer 192.0.2.150 eth0 → cleartext - eth0". */
    static String fates(FateDifference difference) {
        return side(difference.before()) + " → " + side(difference.after());
    }

    private static String side(PacketTrace trace) {
        return trace.verdict().id() + " "
                + (trace.tunnel() == null ? "-" : trace.tunnel().toString()) + " "
                + (trace.egress() == null ? "-" : trace.egress());
    }
}
