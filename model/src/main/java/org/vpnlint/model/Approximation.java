package org.vpnlint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One place where vpnlint's reading of a configuration element (a firewall, NAT or policy-routing rule) is not
 * exactly what the file says. {@link Direction#WIDER}: the element as read matches packets the real one does not (a
 * condition was dropped); {@link Direction#NARROWER}: it misses packets the real one matches;
 * {@link Direction#UNKNOWN_ACTION}: what it does to the packets it matches could not be read (a policy-routing
 * rule's load-balancing group or VRF). A proof may lean on an element only where its direction does not matter: a
 * rule read wider still misses every packet it is read to miss, a rule read narrower still matches every packet it
 * is read to match, a rule whose action is unknown still leaves alone every packet it does not match.
 * docs/semantics/approximation.md says which rule needs which.
 *
 * @param reason   what could not be read, e.g. "'limit rate' is not modelled"
 * @param location the node that was read inexactly
 */
public record Approximation(Direction direction, String reason, SourceLocation location) {

    public enum Direction {
        WIDER,
        NARROWER,
        UNKNOWN_ACTION
    }

    public static Approximation wider(String reason, SourceLocation location) {
        return new Approximation(Direction.WIDER, reason, location);
    }

    public static Approximation narrower(String reason, SourceLocation location) {
        return new Approximation(Direction.NARROWER, reason, location);
    }

    /** What the element does to the packets it matches could not be read; which packets it matches could. */
    public static Approximation unknownAction(String reason, SourceLocation location) {
        return new Approximation(Direction.UNKNOWN_ACTION, reason, location);
    }

    public boolean wider() {
        return direction == Direction.WIDER;
    }

    public boolean narrower() {
        return direction == Direction.NARROWER;
    }

    /**
     * A rule's approximations as the data path reads it: those of the parser, and a wider reading when the rule has
     * conditions on fields the data path does not carry ({@link DetailMatch}).
     */
    static List<Approximation> inDatapath(List<Approximation> read, PacketMatch match, SourceLocation location) {
        if (match.details().isAny()) return read;
        List<Approximation> all = new ArrayList<>(read);
        all.add(wider("'" + match.details().describe() + "' is not evaluated when a packet is replayed", location));
        return List.copyOf(all);
    }
}
