package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Level;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/** A peer's local-address is assigned to no interface of the router (often it is the NAT's public address). */
public final class LocalAddressNotOnRouterRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("local-address-not-on-router")
            .title("IPsec local-address is not an address of this router")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "ike", "nat")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Checks every site-to-site peer's local-address against the addresses of the router's interfaces, when "
                            + "the file shows all of them (a whole configuration, or declared complete).")
            .explanation("""
            charon binds the connection to `local-address`. As initiator it cannot send from an address the \
            router does not have; as responder it looks for a connection whose local address is the one IKE \
            packets arrive at, finds none (`no IKE config found`) and answers NO_PROPOSAL_CHOSEN. Behind a 1:1 \
            NAT (cloud instances) the public address is the NAT's, not the router's: use the private address or \
            `local-address any`, and an FQDN `local-id` so the other end can recognise you. VyOS 1.2/1.3 only \
            printed a warning for this at commit time.""")
            .badExample("rules/local-address-not-on-router/bad-typo.set")
            .fixedExample("rules/local-address-not-on-router/good-address-on-eth0.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            boolean dynamic = router.interfaces().stream().anyMatch(NetInterface::dynamicAddress);
            for (IpsecPeer peer : router.ipsec().peers()) {
                if (peer.disabled()) continue;
                PeerEnd end = new PeerEnd(router, peer);
                IPAddress configured = end.configuredLocalAddress();
                if (configured == null
                        || router.interfaceWithAddress(configured).isPresent()) continue;
                String address = configured.toCanonicalString();
                if (!router.shows(RouterPart.INTERFACES)) {
                    findings.add(UnshownPart.note(
                            METADATA,
                            router,
                            RouterPart.INTERFACES,
                            "the local-address " + address + " of peer " + peer.name()
                                    + " is an address of this router",
                            peer.location(),
                            PairFindings.subject(end, "local-address")));
                    continue;
                }
                String message = "Peer " + peer.name() + " has local-address " + address + ", but no interface of "
                        + router.file() + " has that address"
                        + (dynamic ? " (unless DHCP/PPPoE assigns it)" : "")
                        + ": as initiator charon cannot send from it, as responder it finds no IKE config for the "
                        + "address packets arrive at (NO_PROPOSAL_CHOSEN). " + hint(configured);
                findings.add(PairFindings.simple(
                        METADATA,
                        dynamic ? Level.WARNING : Level.ERROR,
                        end,
                        null,
                        message,
                        "local-address",
                        new ConfigChange().set(ConfigChange.peerPath(peer), Segment.of("local-address", "any"))));
            }
        }
        return findings;
    }

    /** A public address is usually the NAT's in front of the router; a private one an address the router had. */
    private static String hint(IPAddress address) {
        String text = address.toCanonicalString();
        if (AddressScope.isPrivate(address)) {
            return "If the router's address changed, use the address it has now, or local-address any.";
        }
        return "If " + text + " is the public address of a NAT in front of this router, use local-address any (or"
                + " the router's own address) and an FQDN local-id.";
    }
}
