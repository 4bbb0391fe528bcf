package org.vpnlint.model;

/** {@code dead-peer-detection action}: hold (1.2/1.3, = trap), clear, restart, trap (1.4+). */
public enum DpdAction {
    HOLD,
    CLEAR,
    RESTART,
    TRAP
}
