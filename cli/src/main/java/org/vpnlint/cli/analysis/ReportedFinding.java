package org.vpnlint.cli.analysis;

import org.vpnlint.checks.Finding;

/** A finding as the reporters see it: with its fingerprint, and the suppression that silenced it (or null). */
public record ReportedFinding(Finding finding, String fingerprint, Suppression suppression)
        implements Comparable<ReportedFinding> {

    public boolean suppressed() {
        return suppression != null;
    }

    @Override
    public int compareTo(ReportedFinding other) {
        int byFinding = finding.compareTo(other.finding);
        return byFinding != 0 ? byFinding : fingerprint.compareTo(other.fingerprint);
    }
}
