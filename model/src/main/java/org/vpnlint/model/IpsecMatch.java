package org.vpnlint.model;

/** A firewall rule's {@code ipsec match-ipsec|match-none} condition: whether the packet was decrypted by IPsec. */
public enum IpsecMatch {
    ANY,
    IPSEC,
    NONE
}
