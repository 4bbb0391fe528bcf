package org.vpnlint.model;

/**
 * A peer's {@code connection-type}. VyOS renders INITIATE as strongSwan {@code start_action=start}, RESPOND as
 * {@code trap}, NONE as {@code none}. The model keeps null when the configuration leaves it unset.
 */
public enum ConnectionType {
    INITIATE,
    RESPOND,
    NONE
}
