package org.vpnlint.checks.diff;

/**
 * The solver's witness did not replay as a difference (or fell into a class already reported): the symbolic and
 * the concrete data path disagree, which is a bug in vpnlint, never a finding.
 */
public final class ReplayMismatch extends RuntimeException {

    ReplayMismatch(String message) {
        super(message);
    }
}
