package org.vpnlint.model;

import java.util.List;

/**
 * A source or destination NAT rule. Rules of one direction are evaluated in ascending {@code number}; the first
 * match decides (NAT chains see only the first packet of a connection). {@code interfaceMatch} is the
 * outbound interface for SOURCE rules and the inbound interface for DESTINATION rules. {@code path} is the
 * rule's node as the configuration names it, e.g. "nat source rule 10" or "service nat rule 5010".
 * {@code approximations} says where the rule was read inexactly (empty: exactly as written).
 */
public record NatRule(
        NatDirection direction,
        int number,
        InterfaceMatch interfaceMatch,
        PacketMatch match,
        NatTranslation translation,
        boolean disabled,
        String description,
        String path,
        SourceLocation location,
        List<Approximation> approximations)
        implements MatchingRule {

    public NatRule {
        approximations = approximations == null ? List.of() : List.copyOf(approximations);
    }

    /** A rule read exactly as written. */
    public NatRule(
            NatDirection direction,
            int number,
            InterfaceMatch interfaceMatch,
            PacketMatch match,
            NatTranslation translation,
            boolean disabled,
            String description,
            String path,
            SourceLocation location) {
        this(direction, number, interfaceMatch, match, translation, disabled, description, path, location, List.of());
    }
}
