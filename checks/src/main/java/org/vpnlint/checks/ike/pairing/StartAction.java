package org.vpnlint.checks.ike.pairing;

/**
 * When an end starts IKE by itself, as VyOS renders {@code connection-type}: initiate (or unset) becomes
 * {@code start_action=start}, respond becomes a trap that negotiates when traffic hits it, none or a peer without
 * a concrete remote address ({@code @id}, {@code any}) only ever answers.
 */
public enum StartAction {
    START("initiates at start-up (start_action=start)"),
    ON_DEMAND("initiates only when traffic hits its trap policy (connection-type respond)"),
    NEVER("never initiates");

    private final String description;

    StartAction(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
