package org.vpnlint.cli.report.html;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.ike.pairing.NatInFront;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.checks.ike.pairing.PeerPairing;
import org.vpnlint.checks.ike.pairing.StartAction;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.IkeGroup;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * Every tunnel of the routers reported on, once: a tunnel whose peer pairs with a peer of another given router is
 * matched with the partner's tunnel that mirrors its prefixes (else the one with the same number) and becomes one
 * row; a tunnel to a router not given is a row of its own. Disabled peers and tunnels are left out, as VyOS
 * renders nothing for them.
 */
final class TunnelInventory {

    /** A tunnel's two ends before it is judged: the partner is null when the other router was not given. */
    record Ends(
            TunnelKey key,
            Router router,
            IpsecPeer peer,
            IpsecTunnel tunnel,
            PeerEnd partnerEnd,
            TunnelKey partnerKey,
            IpsecTunnel partnerTunnel,
            NatInFront nat,
            NatInFront partnerNat) {

        boolean paired() {
            return partnerEnd != null;
        }

        List<TunnelKey> keys() {
            return partnerKey == null ? List.of(key) : List.of(key, partnerKey);
        }
    }

    private final List<Ends> tunnels = new ArrayList<>();
    private final Map<String, TunnelKey> startsOfTunnels = new LinkedHashMap<>();
    private int pairs;

    TunnelInventory(List<Network> networks, Set<String> reportedFiles) {
        for (Network network : networks) {
            List<PeerPair> found = new PeerPairing(network).pairs();
            pairs += found.size();
            Set<IpsecTunnel> consumed = new HashSet<>();
            for (Router router : network.routers()) {
                for (IpsecPeer peer : router.ipsec().peers()) {
                    if (peer.disabled()) continue;
                    index(router, peer);
                    if (!reportedFiles.contains(router.file())) continue;
                    Optional<PeerPair> pair = PeerPairing.pairOf(found, router, peer);
                    for (IpsecTunnel tunnel : tunnelsOf(peer)) {
                        if (consumed.contains(tunnel)) continue;
                        consumed.add(tunnel);
                        tunnels.add(
                                pair.isPresent()
                                        ? paired(router, peer, tunnel, pair.get(), consumed)
                                        : new Ends(
                                                key(router, peer, tunnel),
                                                router,
                                                peer,
                                                tunnel,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null));
                    }
                }
            }
        }
    }

    List<Ends> tunnels() {
        return tunnels;
    }

    int pairs() {
        return pairs;
    }

    /** The tunnel (or, for a peer's own line, the whole peer) whose node starts at each file:line. */
    Map<String, TunnelKey> startsOfTunnels() {
        return startsOfTunnels;
    }

    private Ends paired(Router router, IpsecPeer peer, IpsecTunnel tunnel, PeerPair pair, Set<IpsecTunnel> consumed) {
        PeerEnd own = pair.first().router() == router && pair.first().peer() == peer ? pair.first() : pair.second();
        PeerEnd partner = pair.partnerOf(own);
        IpsecTunnel match = matching(tunnel, tunnelsOf(partner.peer()), consumed);
        if (match != null) consumed.add(match);
        return new Ends(
                key(router, peer, tunnel),
                router,
                peer,
                tunnel,
                partner,
                match == null ? null : key(partner.router(), partner.peer(), match),
                match,
                pair.natOf(own),
                pair.natOf(partner));
    }

    /** The partner's tunnel with mirrored prefixes, else the one with the same number, else none. */
    private static IpsecTunnel matching(IpsecTunnel tunnel, List<IpsecTunnel> candidates, Set<IpsecTunnel> consumed) {
        IpsecTunnel sameNumber = null;
        for (IpsecTunnel candidate : candidates) {
            if (consumed.contains(candidate)) continue;
            if (Set.copyOf(candidate.localPrefixes()).equals(Set.copyOf(tunnel.remotePrefixes()))
                    && Set.copyOf(candidate.remotePrefixes()).equals(Set.copyOf(tunnel.localPrefixes()))) {
                return candidate;
            }
            if (candidate.number() == tunnel.number() && sameNumber == null) sameNumber = candidate;
        }
        return sameNumber;
    }

    /** The peer's enabled tunnels; a route-based (VTI) peer has one CHILD_SA, shown as tunnel 0. */
    static List<IpsecTunnel> tunnelsOf(IpsecPeer peer) {
        List<IpsecTunnel> enabled =
                peer.tunnels().stream().filter(t -> !t.disabled()).toList();
        if (!enabled.isEmpty() || peer.vtiInterface() == null) return enabled;
        return List.of(
                new IpsecTunnel(0, List.of(), List.of(), null, null, null, peer.vtiEspGroup(), false, peer.location()));
    }

    private void index(Router router, IpsecPeer peer) {
        startsOfTunnels.putIfAbsent(
                TunnelFindings.lineKey(peer.location()),
                new TunnelKey(router.file(), peer.name(), TunnelKey.WHOLE_PEER));
        for (IpsecTunnel tunnel : peer.tunnels()) {
            if (tunnel.location() != null) {
                startsOfTunnels.putIfAbsent(TunnelFindings.lineKey(tunnel.location()), key(router, peer, tunnel));
            }
        }
    }

    private static TunnelKey key(Router router, IpsecPeer peer, IpsecTunnel tunnel) {
        return new TunnelKey(router.file(), peer.name(), tunnel.number());
    }

    /** One end of a tunnel as the inventory shows it; every text from the model passes the secret redaction. */
    static AuditPage.End end(
            Router router, IpsecPeer peer, IpsecTunnel tunnel, LinkTarget links, SecretValues secrets) {
        PeerEnd end = new PeerEnd(router, peer);
        SourceLocation at = tunnel.location() != null ? tunnel.location() : peer.location();
        Optional<IkeGroup> ike = end.ikeGroup();
        String espName = tunnel.espGroup() != null ? tunnel.espGroup() : peer.defaultEspGroup();
        EspGroup esp = espName == null ? null : router.ipsec().espGroups().get(espName);
        int version = end.ikeVersion();
        return new AuditPage.End(
                secrets.redact(router.name() != null ? router.name() : router.file()),
                at.file() + ":" + at.line(),
                links.href(at),
                secrets.redact(peer.name()),
                tunnel.number() == 0 && peer.vtiInterface() != null
                        ? "vti " + peer.vtiInterface()
                        : "tunnel " + tunnel.number(),
                prefixes(tunnel.localPrefixes()),
                prefixes(tunnel.remotePrefixes()),
                version == 0 ? "IKEv2 or IKEv1 (answers either)" : "IKEv" + version,
                secrets.redact(
                        end.sentIdentity() == null
                                ? "(dynamic address)"
                                : end.sentIdentity().toString()),
                secrets.redact(end.acceptedIdentity().toString()),
                end.startAction().description(),
                ike.map(g -> g.closeAction() == null
                                ? "none"
                                : g.closeAction().name().toLowerCase())
                        .orElse("none"),
                ike.map(g -> g.deadPeerDetection() == null
                                ? "none (no dead-peer-detection)"
                                : g.deadPeerDetection().action().name().toLowerCase() + " every "
                                        + g.deadPeerDetection().intervalSeconds() + " s")
                        .orElse("none"),
                secrets.redact(
                        ike.map(TunnelInventory::ikeProposals).orElse("ike-group " + peer.ikeGroup() + " not found")),
                secrets.redact(esp == null ? "esp-group " + espName + " not found" : espProposals(esp)));
    }

    static String startActions(StartAction own, StartAction partner) {
        boolean ownStarts = own == StartAction.START;
        boolean partnerStarts = partner == StartAction.START;
        if (ownStarts && partnerStarts) return "both ends";
        if (ownStarts) return "this end";
        if (partnerStarts) return "the other end";
        if (own == StartAction.ON_DEMAND || partner == StartAction.ON_DEMAND) return "on traffic only";
        return "neither end";
    }

    private static String prefixes(List<IPAddress> prefixes) {
        return prefixes.isEmpty()
                ? "(none: the IKE addresses)"
                : prefixes.stream().map(IPAddress::toCanonicalString).collect(Collectors.joining(", "));
    }

    private static String ikeProposals(IkeGroup group) {
        return "ike-group " + group.name() + ": "
                + group.proposals().stream()
                        .map(p -> join(p.encryption(), p.hash(), p.dhGroup() == null ? null : "dh" + p.dhGroup()))
                        .collect(Collectors.joining(", "));
    }

    private static String espProposals(EspGroup group) {
        String proposals = group.proposals().stream()
                .map(p -> join(p.encryption(), p.hash()))
                .collect(Collectors.joining(", "));
        String pfs = group.pfs() == null ? "" : ", pfs " + group.pfs();
        String mode = group.mode() == null ? "" : ", " + group.mode() + " mode";
        return "esp-group " + group.name() + ": " + proposals + pfs + mode;
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) if (part != null) present.add(part);
        return String.join("-", present);
    }
}
