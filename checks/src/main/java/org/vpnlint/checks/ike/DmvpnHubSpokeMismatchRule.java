package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.checks.ike.pairing.DmvpnLink;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.model.AuthenticationMode;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IpsecProfile;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/**
 * A DMVPN spoke and the hub its NHRP map names (both analysed in the same run) that cannot talk: different GRE keys,
 * an NBMA address the hub does not have, or IPsec profiles that cannot agree (IKE version, IKE or ESP proposals, PFS,
 * pre-shared key). Each problem is read from both files; what VyOS renders for a profile is in
 * docs/semantics/dmvpn.md#profile-rendering, what must agree in docs/semantics/dmvpn.md#agreement.
 */
public final class DmvpnHubSpokeMismatchRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("dmvpn-hub-spoke-mismatch")
            .title("A DMVPN spoke and its hub cannot build the tunnel")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "dmvpn", "gre", "nhrp")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Pairs each spoke's NHRP map with the router whose multipoint GRE tunnel has the mapped tunnel address and "
                            + "compares GRE keys, the hub's outer address, and the two IPsec profiles after VyOS defaults.")
            .explanation("""
            A spoke's `protocols nhrp tunnel tunN map <hub tunnel address> nbma-address <hub outer address> register` \
            names its hub. The two multipoint GRE tunnels and the IPsec profiles bound to them must agree:

            - GRE key: the kernel hands a received GRE packet only to a tunnel with the same key (or, for a packet \
            without a key, to a tunnel without one); with different keys every packet from the spoke is dropped, so \
            NHRP registration never succeeds.
            - NBMA address: the spoke sends its GRE (and IKE) packets to the `nbma-address`; when the hub's GRE tunnel \
            is sourced from another public address and no interface of the hub has the mapped one, they reach another \
            host.
            - IPsec profile: VyOS renders one strongSwan connection per bound tunnel, with the profile's IKE and ESP \
            groups and its pre-shared key (a secret without identities). Incompatible IKE versions, no common IKE or \
            ESP proposal, different PFS groups or different keys make every SA between the two fail, and with it the \
            NHRP registration that waits for it.""")
            .badExample("pairs/dmvpn-gre-key-mismatch/hub.boot", "pairs/dmvpn-gre-key-mismatch/spoke.set")
            .fixedExample(
                    "pairs/dmvpn-hub-two-spokes-agree/hub.boot",
                    "pairs/dmvpn-hub-two-spokes-agree/spoke-a.set",
                    "pairs/dmvpn-hub-two-spokes-agree/spoke-b.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (DmvpnLink link : DmvpnLink.find(network)) {
            List<String> problems = new ArrayList<>();
            greKeyProblem(link, problems);
            nbmaProblem(link, problems);
            profileProblems(link, problems);
            if (problems.isEmpty()) continue;
            String hub = DmvpnLink.label(link.hub(), link.hubTunnel());
            findings.add(new Finding(
                    METADATA.id(),
                    METADATA.defaultLevel(),
                    "DMVPN spoke tunnel " + link.spokeTunnel().name() + " maps its hub "
                            + link.map().tunnelAddress().withoutPrefixLength()
                            + " (" + hub + "), but the two cannot build the tunnel: " + String.join("; ", problems)
                            + ".",
                    link.map().location(),
                    List.of(new RelatedLocation(link.hubTunnel().location(), "the hub's tunnel: " + hub)),
                    null,
                    List.of(),
                    null,
                    "nhrp tunnel " + link.spokeTunnel().name() + " map "
                            + link.map().tunnelAddress().withoutPrefixLength()));
        }
        return findings;
    }

    private static void greKeyProblem(DmvpnLink link, List<String> problems) {
        Integer spokeKey = link.spokeTunnel().tunnel().key();
        Integer hubKey = link.hubTunnel().tunnel().key();
        if (Objects.equals(spokeKey, hubKey)) return;
        problems.add("the spoke's GRE packets carry " + keyText(spokeKey) + " and the hub's tunnel accepts only "
                + keyText(hubKey) + ", so the hub's kernel hands them to no tunnel and drops them");
    }

    private static String keyText(Integer key) {
        return key == null ? "no key" : "key " + key;
    }

    /**
     * Claimed only when the hub's tunnel is sourced from a public address and the hub shows its interfaces whole:
     * then no interface of the hub has the mapped address and no NAT in front of a private hub can explain it.
     */
    private static void nbmaProblem(DmvpnLink link, List<String> problems) {
        IPAddress nbma = link.map().nbmaAddress();
        IPAddress source = link.hubTunnel().tunnel().localAddress();
        if (source == null || source.isZero() || AddressScope.isPrivate(source)) return;
        if (!link.hub().shows(RouterPart.INTERFACES)) return;
        if (source.withoutPrefixLength().equals(nbma.withoutPrefixLength())) return;
        if (link.hub().interfaceWithAddress(nbma).isPresent()) return;
        problems.add("the spoke sends to NBMA address " + nbma + ", but the hub's tunnel is sourced from "
                + source.withoutPrefixLength() + " and no interface of the hub has " + nbma);
    }

    private static void profileProblems(DmvpnLink link, List<String> problems) {
        IpsecProfile spokeProfile = link.spokeProfile().orElse(null);
        IpsecProfile hubProfile = link.hubProfile().orElse(null);
        if (spokeProfile == null || hubProfile == null) return;
        IkeGroup spokeIke = link.spoke().ipsec().ikeGroups().get(spokeProfile.ikeGroup());
        IkeGroup hubIke = link.hub().ipsec().ikeGroups().get(hubProfile.ikeGroup());
        if (spokeIke == null || hubIke == null) return; // VyOS refuses to commit a profile without its groups
        int spokeVersion = PeerEnd.ikeVersion(link.spoke(), spokeIke);
        int hubVersion = PeerEnd.ikeVersion(link.hub(), hubIke);
        if (spokeVersion != 0 && hubVersion != 0 && spokeVersion != hubVersion) {
            problems.add("the spoke's profile " + spokeProfile.name() + " speaks IKEv" + spokeVersion
                    + " only and the hub's profile " + hubProfile.name() + " IKEv" + hubVersion + " only");
        } else {
            List<IkeAlgorithms> spokeOffers = VyosProposals.ike(link.spoke(), spokeIke);
            List<IkeAlgorithms> hubOffers = VyosProposals.ike(link.hub(), hubIke);
            if (!spokeOffers.isEmpty()
                    && !hubOffers.isEmpty()
                    && spokeOffers.stream().noneMatch(hubOffers::contains)) {
                problems.add("no common IKE proposal (spoke " + IkeAlgorithms.renderAll(spokeOffers) + ", hub "
                        + IkeAlgorithms.renderAll(hubOffers) + "): the responder answers NO_PROPOSAL_CHOSEN");
            }
        }
        List<EspAlgorithms> spokeEsp = VyosProposals.esp(
                link.spoke(), link.spoke().ipsec().espGroups().get(spokeProfile.espGroup()), spokeIke);
        List<EspAlgorithms> hubEsp =
                VyosProposals.esp(link.hub(), link.hub().ipsec().espGroups().get(hubProfile.espGroup()), hubIke);
        if (!spokeEsp.isEmpty() && !hubEsp.isEmpty()) {
            if (!EspAlgorithms.cipherInCommon(spokeEsp, hubEsp)) {
                problems.add("no common ESP proposal (spoke " + EspAlgorithms.renderAll(spokeEsp) + ", hub "
                        + EspAlgorithms.renderAll(hubEsp) + "): the CHILD_SA that carries GRE is refused");
            } else if (!Objects.equals(spokeEsp.get(0).pfsGroup(), hubEsp.get(0).pfsGroup())) {
                problems.add("the ESP proposals differ in PFS (spoke " + EspAlgorithms.renderAll(spokeEsp) + ", hub "
                        + EspAlgorithms.renderAll(hubEsp)
                        + "): IKEv1 Quick Mode fails, IKEv2 fails at the first rekey");
            }
        }
        if (spokeProfile.authenticationMode() == AuthenticationMode.PRE_SHARED_SECRET
                && hubProfile.authenticationMode() == AuthenticationMode.PRE_SHARED_SECRET
                && spokeProfile.presharedKey() != null
                && hubProfile.presharedKey() != null
                && !spokeProfile.presharedKey().sameSecretAs(hubProfile.presharedKey())
                && onlyProfileKeys(link.spoke())
                && onlyProfileKeys(link.hub())) {
            problems.add("the profiles' pre-shared keys differ (compared by fingerprint), so IKE authentication fails");
        }
    }

    /**
     * The profile's secret carries no identities, so strongSwan takes it only when no other secret matches the
     * peer's identities better: the key comparison is claimed only for routers whose sole keys are profile keys.
     */
    private static boolean onlyProfileKeys(Router router) {
        return router.ipsec().presharedKeys().isEmpty();
    }
}
