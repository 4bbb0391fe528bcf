package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.Level;
import org.vpnlint.model.RouterPart;

/**
 * Neither end ever starts IKE (both {@code none}, or only {@code @id}/{@code any} peers), or the only initiator
 * sends to an address that does not reach the other end. Both ends {@code respond} toward known addresses is fine:
 * VyOS renders traps, and the first packet for the tunnel on either side starts IKE.
 */
public final class NoInitiatorRule implements PairRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("no-initiator")
            .title("Neither end of the tunnel starts IKE")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "ike")
            .precision(RuleMetadata.Precision.HIGH)
            .summary("Looks at connection-type and remote addresses on both ends of a pair, and at the NAT in front of "
                    + "the responder, to see whether any end starts the IKE_SA and reaches the other.")
            .explanation("""
            VyOS renders `connection-type initiate` (the default) as `start_action=start`, `respond` as a trap \
            that negotiates when matching traffic appears, and `none` (or a peer without a remote address: \
            `@id`, `any`) as a connection that only answers. If both ends only answer, nothing ever sends the \
            first IKE packet. If the only initiating end sends to a router behind a masquerading NAT, the packet \
            never reaches it: the NAT forwards nothing inbound. Make the end behind NAT the initiator.""")
            .badExample("pairs/no-initiator-both-none/east.boot", "pairs/no-initiator-both-none/west.boot")
            .fixedExample("pairs/initiator-and-responder/east.boot", "pairs/initiator-and-responder/west.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(PairAnalysis analysis, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        PeerEnd first = analysis.pair().first();
        PeerEnd second = analysis.pair().second();
        List<PeerEnd> initiators = analysis.initiators();
        if (initiators.isEmpty()) {
            PeerEnd located = PairFindings.firstByFile(analysis.pair());
            findings.add(PairFindings.simple(
                    METADATA,
                    Level.ERROR,
                    located,
                    analysis.pair().partnerOf(located),
                    "Neither " + first.label() + " (" + first.startAction().description() + ") nor "
                            + second.label() + " (" + second.startAction().description()
                            + ") starts IKE, so the tunnel never comes up. Let one end initiate.",
                    "connection-type",
                    new ConfigChange()
                            .set(ConfigChange.peerPath(located.peer()), Segment.of("connection-type", "initiate"))));
        } else if (analysis.reachingDirections().isEmpty()) {
            // Only when a replay shows the packet going nowhere; dynamic addresses leave nothing to replay.
            DirectionOutcome blocked = analysis.directions().stream()
                    .filter(d -> initiators.contains(d.result().initiator()))
                    .filter(d -> d.result().obstacle() == Obstacle.UNREACHABLE)
                    .findFirst()
                    .orElse(null);
            if (blocked == null) return findings;
            String why = " " + blocked.result().failure().detail() + ".";
            PeerEnd initiator = blocked.result().initiator();
            PeerEnd located = PairFindings.firstByFile(analysis.pair());
            Finding unreachable = PairFindings.simple(
                    METADATA,
                    Level.ERROR,
                    located,
                    analysis.pair().partnerOf(located),
                    initiator.label() + " starts IKE, but its first packet never reaches the other end, and the "
                            + "other end does not initiate."
                            + why + " Let the end behind NAT initiate.",
                    "connection-type",
                    null);
            // "no route carries the packet" is a claim about every route and interface of the initiator
            findings.addAll(UnshownPart.gate(
                    initiator.router(), List.of(unreachable), RouterPart.INTERFACES, RouterPart.ROUTES));
        }
        return findings;
    }
}
