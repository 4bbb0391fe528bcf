package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.List;

/**
 * The negotiation started by one end. When the initiator's NAT public address is unknown, {@code result} is the
 * outcome for every public address except {@code exceptions}, where the outcome is the opposite (e.g. the
 * responder happens to name exactly that address).
 */
public record DirectionOutcome(NegotiationResult result, boolean publicAddressUnknown, List<IPAddress> exceptions) {

    public DirectionOutcome {
        exceptions = List.copyOf(exceptions);
    }

    /** "for every public address of the NAT" / "unless the NAT's public address is 192.0.2.7", or "". */
    public String addressCondition() {
        if (!publicAddressUnknown) return "";
        if (exceptions.isEmpty()) return " This holds for every public address the initiator's NAT may use.";
        return " This holds unless the initiator's NAT uses the public address "
                + String.join(
                        " or ",
                        exceptions.stream().map(IPAddress::toCanonicalString).toList()) + ".";
    }
}
