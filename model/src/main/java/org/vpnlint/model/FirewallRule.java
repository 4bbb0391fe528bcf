package org.vpnlint.model;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One firewall rule. {@code states} empty means any state. {@code jumpTarget} is set for JUMP.
 * {@code inbound}/{@code outbound} are interface conditions (1.4 base chains; synthesized from 1.3 attachments).
 * {@code approximations} says where the rule was read inexactly (empty: exactly as written).
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
        SourceLocation location,
        List<Approximation> approximations)
        implements MatchingRule {

    public FirewallRule {
        // in enum order, so that terms built from it are the same in every run (Set.copyOf's order is not)
        states = Collections.unmodifiableSet(new TreeSet<>(states));
        approximations = approximations == null ? List.of() : List.copyOf(approximations);
    }

    /** A rule read exactly as written. */
    public FirewallRule(
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
        this(number, action, jumpTarget, match, inbound, outbound, states, ipsec, disabled, path, location, List.of());
    }
}
