package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;

/**
 * The IKE address of a peer is private (so the router is behind NAT when it talks to a public peer) and no local
 * id is set, so strongSwan sends the private address as its identity (docs/semantics/strongswan.md#default-identity).
 */
public final class BehindNatDefaultIdRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("behind-nat-default-id")
            .title("Router behind NAT sends its private address as IKE identity")
            .defaultLevel(Level.WARNING)
            .tags("ipsec", "ike", "nat")
            .precision(RuleMetadata.Precision.MEDIUM)
            .summary(
                    "Looks at one router: a peer whose IKE address is private (RFC 1918 / CGNAT) talks to a public or "
                            + "unknown remote address without a local id, authenticating with a pre-shared key or RSA key "
                            + "(with a certificate the default identity is its subject), and not to a partner on its own subnet.")
            .explanation("""
            Without `local-id` (`authentication id` in 1.2/1.3) strongSwan uses the IKE address as identity. \
            Behind NAT that is a private address the other end does not know: it sees the NAT's public address \
            and usually expects that (or an FQDN) as identity, so authentication fails. Set an FQDN identity \
            here and accept it on the other end.""")
            .badExample("rules/behind-nat-default-id/bad-private-local-address-no-id.boot")
            .fixedExample("rules/behind-nat-default-id/good-private-with-fqdn-id.boot")
            .build();

    /** Stands for a name the user must choose when the file sets no host name to build the identity from. */
    private static final String PLACEHOLDER = "<name-of-this-router>";

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            for (IpsecPeer peer : router.ipsec().peers()) {
                if (peer.disabled()) continue;
                PeerEnd end = new PeerEnd(router, peer);
                IPAddress ikeAddress = end.ikeAddress();
                if (end.localIdConfigured() || ikeAddress == null || !AddressScope.isPrivate(ikeAddress)) continue;
                // with a certificate strongSwan's default identity is the certificate's subject, not the address
                if (peer.authenticationMode() == AuthenticationMode.X509) continue;
                // a partner on a subnet of this router is reached directly: no NAT can stand between them
                if (partnerAddresses(end).stream().anyMatch(remote -> onConnectedSubnet(router, remote))) continue;
                boolean talksToPublic = end.remoteAddresses().isEmpty()
                        || end.remoteAddresses().stream().anyMatch(a -> !AddressScope.isPrivate(a));
                if (!talksToPublic) continue;
                String identity = router.hostName() != null ? router.hostName() : PLACEHOLDER;
                findings.add(PairFindings.simple(
                        METADATA,
                        METADATA.defaultLevel(),
                        end,
                        null,
                        "Peer " + peer.name() + " speaks IKE from the private address " + ikeAddress.toCanonicalString()
                                + " and has no local id, so it sends " + ikeAddress.toCanonicalString()
                                + " as its identity; behind NAT the other end sees a public address instead and "
                                + "will not accept this identity unless it is configured for it."
                                + (identity.equals(PLACEHOLDER)
                                        ? " In the fix, replace " + PLACEHOLDER + " with a name"
                                                + " for this router (the file sets no host-name) and accept it as remote-id on the"
                                                + " other end."
                                        : ""),
                        "local-id",
                        new ConfigChange()
                                .set(
                                        ConfigChange.peerPath(peer),
                                        Segment.of("authentication"),
                                        end.legacy()
                                                ? Segment.of("id", "@" + identity)
                                                : Segment.of("local-id", identity))));
            }
        }
        return findings;
    }

    /**
     * Where the partner may be: its remote addresses, and the peer's tag when that is an address (in 1.4 a tag
     * without remote-address stands for %any, but it is how the partner is named, and fragments whose dialect is
     * uncertain are read that way too).
     */
    private static List<IPAddress> partnerAddresses(PeerEnd end) {
        List<IPAddress> addresses = new ArrayList<>(end.remoteAddresses());
        IPAddress tag = new IPAddressString(end.peer().name()).getAddress();
        if (tag != null && !tag.isPrefixed()) addresses.add(tag);
        return addresses;
    }

    private static boolean onConnectedSubnet(Router router, IPAddress remote) {
        return router.interfaces().stream()
                .flatMap(i -> i.addresses().stream())
                .filter(a -> a.getIPVersion() == remote.getIPVersion() && a.isPrefixed())
                .anyMatch(a -> a.toPrefixBlock().contains(remote.withoutPrefixLength()));
    }
}
