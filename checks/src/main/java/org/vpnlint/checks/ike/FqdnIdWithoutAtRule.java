package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.IkeIdentity;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;

/** VyOS 1.2/1.3 and EdgeOS: an FQDN identity written without the leading {@code @}. */
public final class FqdnIdWithoutAtRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("fqdn-id-without-at")
            .title("FQDN IKE identity without '@' on VyOS 1.2/1.3")
            .defaultLevel(Level.WARNING)
            .tags("ipsec", "ike")
            .precision(RuleMetadata.Precision.MEDIUM)
            .summary("Finds `authentication id` / `remote-id` values on 1.2/1.3/EdgeOS that are host names without the "
                    + "leading '@'.")
            .explanation("""
            VyOS 1.2/1.3 and EdgeOS pass `authentication id` and `remote-id` to ipsec.conf and ipsec.secrets \
            unchanged. Their documentation requires FQDN identities to be written with a leading `@` \
            (`@branch`): the legacy configuration path treats a bare name as a host name that may be resolved to \
            an address, and the PSK line is then keyed differently from the identity the peer sends. VyOS 1.4's \
            migration strips the `@`, because swanctl does not resolve ids.""")
            .badExample("rules/fqdn-id-without-at/bad-remote-id-without-at.set")
            .fixedExample("rules/fqdn-id-without-at/good-ids-with-at.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            if (!router.dialect().legacyIpsecSyntax()) continue;
            for (IpsecPeer peer : router.ipsec().peers()) {
                if (peer.disabled()) continue;
                PeerEnd end = new PeerEnd(router, peer);
                check(end, peer.localId(), "authentication id", "local-id", findings);
                check(end, peer.remoteId(), "authentication remote-id", "remote-id", findings);
            }
        }
        return findings;
    }

    private static void check(PeerEnd end, String written, String node, String subject, List<Finding> findings) {
        if (written == null || written.strip().startsWith("@")) return;
        IkeIdentity identity = IkeIdentity.parse(written);
        if (identity.type() != IkeIdentity.Type.FQDN) return;
        findings.add(PairFindings.simple(
                METADATA,
                METADATA.defaultLevel(),
                end,
                null,
                "Peer " + end.peer().name() + " " + node + " '" + written.strip() + "' is a host name without '@': "
                        + end.router().dialect().displayName() + " expects FQDN identities as '@" + written.strip()
                        + "', otherwise the legacy ipsec.conf path may treat it as a host name to resolve.",
                subject,
                new ConfigChange()
                        .set(
                                ConfigChange.peerPath(end.peer()),
                                Segment.of("authentication"),
                                Segment.of(node.substring(node.indexOf(' ') + 1), "@" + written.strip()))));
    }
}
