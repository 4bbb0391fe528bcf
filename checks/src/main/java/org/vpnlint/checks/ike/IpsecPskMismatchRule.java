package org.vpnlint.checks.ike;

import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.model.Level;

/**
 * The two ends pick different pre-shared keys (compared by salted fingerprint; the secret is never shown), or,
 * without NAT in between, one end has no key for the identities used.
 */
public final class IpsecPskMismatchRule implements PairRule {

    static final RuleMetadata METADATA = RuleMetadata.builder("ipsec-psk-mismatch")
            .title("The two ends of a tunnel use different pre-shared keys")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "ike", "authentication")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary(
                    "Finds, for each pair of ends, the pre-shared key each side's charon selects (by identity for IKEv2, by "
                            + "address and then identity for IKEv1 Main Mode) and compares the two by fingerprint.")
            .explanation("""
            Each side selects its key from all the secrets on the router: a secret is a candidate when one of its \
            ids matches either identity, and the best match on the peer's identity wins. If the two selected keys \
            differ, IKEv2 fails in IKE_AUTH (`verification of AUTH payload failed`) and IKEv1 fails when the \
            responder cannot decrypt the Main Mode ID payload. If a side finds no key at all, it answers \
            `no shared key found`.

            vpnlint compares keys by salted fingerprint only. The secrets themselves never appear in its output.""")
            .badExample(
                    "pairs/psk-mismatch-vpn-only-fragments/east.set", "pairs/psk-mismatch-vpn-only-fragments/west.set")
            .fixedExample("pairs/mixed-dialects-agree/east.boot", "pairs/mixed-dialects-agree/west.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(PairAnalysis analysis, RuleContext context) {
        return negotiationFailure(analysis, context, "pre-shared-key", obstacle -> {
            if (obstacle == Obstacle.PSK_DIFFERENT) return "the two ends select different pre-shared keys";
            if (obstacle == Obstacle.PSK_NOT_FOUND && !analysis.pair().natBetween()) {
                return "one end has no pre-shared key for the identities used";
            }
            return null; // behind NAT, ike-id-mismatch-behind-nat reports a missing key
        });
    }
}
