package org.vpnlint.model;

/** {@code close-action}: none, hold, clear, restart (1.2/1.3); none, trap, start (1.4+). */
public enum CloseAction {
    NONE,
    HOLD,
    CLEAR,
    RESTART,
    TRAP,
    START
}
