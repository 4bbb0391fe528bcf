package org.vpnlint.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * One firewall rule. {@code states} empty means any state. {@code jumpTarget} is set for JUMP.
 * {@code inbound}/{@code outbound} are interface conditions (1.4 base chains; synthesized from 1.3 attachments).
 */
public record FirewallRule(
        int number,
        FirewallAction action,
        String jumpTarget,
        PacketMatch match,
        InterfaceMatch inbound,
        InterfaceMatch outbound,
        Set<ConnectionState> states,
        IpsecMatch ipsec,
        boolean disabled,
        String path,
        SourceLocation location) {

    public FirewallRule {
        // in enum order, so that terms built from it are the same in every run (Set.copyOf's order is not)
        states = Collections.unmodifiableSet(new TreeSet<>(states));
    }
}
