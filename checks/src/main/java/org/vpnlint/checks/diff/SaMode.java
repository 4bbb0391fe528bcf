package org.vpnlint.checks.diff;

/** Which SA states a comparison covers ({@code --sa}). */
public enum SaMode {
    /** Every tunnel's SA up. */
    UP,
    /** Every tunnel's SA down. */
    DOWN,
    /** Every combination: first every SA up, then any other combination (a change that only shows while an SA is down). */
    BOTH
}
