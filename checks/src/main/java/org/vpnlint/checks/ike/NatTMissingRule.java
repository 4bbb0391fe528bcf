package org.vpnlint.checks.ike;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.checks.ike.pairing.PeerPairing;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;

/**
 * VyOS 1.2/1.3/EdgeOS {@code nat-traversal disable} on a router whose tunnels cross a NAT
 * (docs/semantics/strongswan.md#nat-traversal-option).
 */
public final class NatTMissingRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("nat-t-missing")
            .title("NAT traversal disabled although a NAT is between the peers")
            .defaultLevel(Level.WARNING)
            .tags("ipsec", "nat")
            .precision(RuleMetadata.Precision.MEDIUM)
            .summary(
                    "On 1.2/1.3/EdgeOS, finds `vpn ipsec nat-traversal disable` where a peer is behind NAT (paired with "
                            + "its partner, declared, or inferred from a private IKE address talking to a public one).")
            .explanation("""
            Through a NAT, IKE and ESP must move to UDP 4500 (NAT-T): raw ESP (IP protocol 50) has no ports, so \
            a masquerading NAT cannot track it, and a NAT that rewrites addresses invalidates IKEv1's \
            address-based checks. VyOS 1.2/1.3 write `nat_traversal=no` into ipsec.conf for \
            `nat-traversal disable`; the option stems from pluto, where it switched NAT-T off. The charon of \
            these releases ignores it and still detects NAT, so the setting states the opposite of what the \
            deployment needs and breaks as soon as the key daemon honours it. Enable it (the 1.4 migration \
            simply drops the node).""")
            .badExample("rules/nat-t-missing/bad-private-address-nat-t-disabled.set")
            .fixedExample("rules/nat-t-missing/good-private-address-nat-t-enabled.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<PeerPair> pairs = new PeerPairing(network).pairs();
        List<Finding> findings = new ArrayList<>();
        Set<Router> reported = new HashSet<>();
        for (Router router : network.routers()) {
            if (!router.dialect().legacyIpsecSyntax()
                    || !Boolean.FALSE.equals(router.ipsec().natTraversal())) continue;
            for (IpsecPeer peer : router.ipsec().peers()) {
                if (peer.disabled() || reported.contains(router)) continue;
                PeerEnd end = new PeerEnd(router, peer);
                PeerPair pair = PeerPairing.pairOf(pairs, router, peer).orElse(null);
                boolean natInPath = pair != null ? pair.natBetween() : behindNatAlone(end);
                if (!natInPath) continue;
                reported.add(router);
                findings.add(PairFindings.simple(
                        METADATA,
                        METADATA.defaultLevel(),
                        end,
                        pair == null ? null : pair.partnerOf(end),
                        "vpn ipsec nat-traversal is disabled on " + router.file() + ", but peer " + peer.name()
                                + " crosses a NAT"
                                + (pair == null
                                        ? ""
                                        : " (" + pair.natOf(end).describe() + " here, "
                                                + pair.natOf(pair.partnerOf(end))
                                                        .describe() + " on the other end)")
                                + ": IKE and ESP must use UDP 4500 there.",
                        "nat-traversal",
                        new ConfigChange()
                                .set(
                                        List.of(Segment.of("vpn"), Segment.of("ipsec")),
                                        Segment.of("nat-traversal", "enable"))));
            }
        }
        return findings;
    }

    private static boolean behindNatAlone(PeerEnd end) {
        return end.ikeAddress() != null
                && AddressScope.isPrivate(end.ikeAddress())
                && end.remoteAddresses().stream().anyMatch(a -> !AddressScope.isPrivate(a));
    }
}
