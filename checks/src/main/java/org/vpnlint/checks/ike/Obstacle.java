package org.vpnlint.checks.ike;

/** Why an IKE_SA between two ends is not established; each is reported by one rule. */
public enum Obstacle {
    /** IKE_SA_INIT / Main Mode never reaches the responder (masquerading NAT, address of neither router). */
    UNREACHABLE,
    /** A local-address is on no interface: charon cannot send from it, or has no config for the arrival address. */
    LOCAL_ADDRESS,
    /** The initiator's IKE version is one the responder's connection does not speak. */
    VERSION,
    /** No IKE proposal in common. */
    IKE_PROPOSAL,
    /** The responder's remote_addrs do not contain the address the initiator is seen from (after NAT). */
    ADDRESS_NOT_ACCEPTED,
    /** One side finds no pre-shared key for the identities/addresses it looks up. */
    PSK_NOT_FOUND,
    /** Both sides find a key, but not the same one. */
    PSK_DIFFERENT,
    /** An identity sent is not the one the other side's connection accepts. */
    IDENTITY_NOT_ACCEPTED
}
