package org.vpnlint.checks.ike;

import java.util.List;
import java.util.Set;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.model.Level;

/** The identity one end sends (after NAT) is not one the other end accepts, so the IKE_SA never comes up. */
public final class IkeIdMismatchBehindNatRule implements PairRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("ike-id-mismatch-behind-nat")
            .title("IKE identity or address does not match what the other end accepts")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "ike", "nat")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Pairs the two ends of a tunnel and replays IKE: the identity an end sends (its local id, or by default "
                            + "its own IKE address, which behind NAT is private), the address it is seen from after NAT, "
                            + "and the pre-shared key lookup are compared with what the other end accepts.")
            .explanation("""
            strongSwan identifies a peer twice. During IKE_SA_INIT (IKEv2) or the first Main Mode exchange (IKEv1) \
            the responder picks a connection by addresses: the source address it sees, which after NAT is the \
            NAT's public address. Then the initiator sends its identity (IDi). Without `local-id` \
            (`authentication id` in 1.2/1.3) that identity is the router's own IKE address; behind NAT it is a \
            private address the other side never configured, so `remote-id` does not match \
            (`no matching peer config found`, AUTHENTICATION_FAILED).

            The pre-shared key is found differently per version. IKEv2 looks it up by identity in IKE_AUTH, so \
            the PSK ids must contain the identity actually sent. IKEv1 Main Mode needs the key before identities \
            are exchanged and looks it up by the two IP addresses as each side sees them (the post-NAT address \
            of the peer), then by the configured ids. The same configuration can therefore work with IKEv1 and \
            fail with IKEv2, or the other way round.

            Fix: give the end behind NAT an FQDN identity (`local-id` / `authentication id @branch`) and make the \
            other end accept it (`remote-id`, or an `@branch` peer in 1.2/1.3), with PSK ids that contain both.""")
            .badExample("pairs/id-typo-behind-nat/east.boot", "pairs/id-typo-behind-nat/west.boot")
            .fixedExample("pairs/nat-one-side-with-id/east.boot", "pairs/nat-one-side-with-id/west.boot")
            .build();

    private static final Set<Obstacle> REPORTED = Set.of(Obstacle.IDENTITY_NOT_ACCEPTED, Obstacle.ADDRESS_NOT_ACCEPTED);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(PairAnalysis analysis, RuleContext context) {
        return negotiationFailure(analysis, context, "ike-identity", obstacle -> {
            boolean keyLookupByIdentity =
                    obstacle == Obstacle.PSK_NOT_FOUND && analysis.pair().natBetween();
            return REPORTED.contains(obstacle) || keyLookupByIdentity ? problem(obstacle) : null;
        });
    }

    private static String problem(Obstacle obstacle) {
        return switch (obstacle) {
            case ADDRESS_NOT_ACCEPTED ->
                "the responder does not accept the address the initiator is seen from after NAT";
            case PSK_NOT_FOUND -> "no pre-shared key is keyed by the identity or post-NAT address actually used";
            default -> "an identity sent is not the one the other end accepts";
        };
    }
}
