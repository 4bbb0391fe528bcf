package org.vpnlint.checks.ike.pairing;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vpnlint.checks.Network;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.Router;

/**
 * Finds the two ends of each IPsec connection among the routers of a run. Each end must point at the other:
 * by an address of the other router, a declared NAT public address, an inferred NAT public address (a public
 * address on no interface of a router whose IKE address is private), or, for {@code @id}/{@code any} peers, by
 * the identity the other end sends. A pair of wildcard peers alone is not enough. Each peer joins at most one
 * pair, strongest evidence first.
 */
public final class PeerPairing {

    private final Network network;
    private final NatInference natInference;

    public PeerPairing(Network network) {
        this.network = network;
        this.natInference = new NatInference(network.natDeclarations());
    }

    public List<PeerPair> pairs() {
        List<Candidate> candidates = new ArrayList<>();
        List<Router> routers = network.routers();
        for (int i = 0; i < routers.size(); i++) {
            for (int j = i + 1; j < routers.size(); j++) {
                for (IpsecPeer p : routers.get(i).ipsec().peers()) {
                    for (IpsecPeer q : routers.get(j).ipsec().peers()) {
                        if (p.disabled() || q.disabled()) continue;
                        PeerEnd first = new PeerEnd(routers.get(i), p);
                        PeerEnd second = new PeerEnd(routers.get(j), q);
                        int forward = evidence(first, second);
                        int backward = evidence(second, first);
                        if (forward > 0 && backward > 0 && forward + backward >= 3) {
                            candidates.add(new Candidate(first, second, forward + backward, candidates.size()));
                        }
                    }
                }
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::strength).reversed().thenComparingInt(Candidate::order));
        Set<PeerEnd> used = new HashSet<>();
        List<PeerPair> pairs = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (used.contains(candidate.first) || used.contains(candidate.second)) continue;
            used.add(candidate.first);
            used.add(candidate.second);
            pairs.add(new PeerPair(
                    candidate.first,
                    candidate.second,
                    natInference.natInFront(candidate.first, candidate.second),
                    natInference.natInFront(candidate.second, candidate.first)));
        }
        return pairs;
    }

    /** The pair a peer belongs to, if its partner is among the routers. */
    public static Optional<PeerPair> pairOf(List<PeerPair> pairs, Router router, IpsecPeer peer) {
        return pairs.stream()
                .filter(p -> p.first().router() == router && p.first().peer() == peer
                        || p.second().router() == router && p.second().peer() == peer)
                .findFirst();
    }

    /**
     * How strongly {@code end} points at {@code partner}: 3 an address of the partner's router, its declared
     * public address or its local-address, 2 an inferred NAT public address or the partner's exact identity, 1 no address at all (accepts
     * IKE from anywhere), 0 a different address.
     */
    private int evidence(PeerEnd end, PeerEnd partner) {
        List<IPAddress> named = end.remoteAddresses();
        for (IPAddress address : named) {
            if (partner.routerHasAddress(address)) return 3;
            if (declaredPublic(partner, address) || address.equals(partner.configuredLocalAddress())) return 3;
        }
        IPAddress partnerIke = partner.routerIkeAddress();
        boolean partnerPrivate = partnerIke == null || AddressScope.isPrivate(partnerIke);
        for (IPAddress address : named) {
            if (partnerPrivate && !AddressScope.isPrivate(address)) return 2;
        }
        if (!named.isEmpty()) return 0;
        // No address named (@id / any peer): it accepts IKE from anywhere. An exact identity match is strong
        // evidence; a mismatch still pairs, since that mismatch is what the IKE rules must report.
        IkeIdentity sent = partner.sentIdentity();
        return sent != null && !end.acceptedIdentity().isAny() && sent.equals(end.acceptedIdentity()) ? 2 : 1;
    }

    private boolean declaredPublic(PeerEnd partner, IPAddress address) {
        return network.natDeclarations().stream()
                .filter(d -> d.publicAddress() != null)
                .filter(d -> d.router().equals(partner.router().name())
                        || d.router().equals(partner.router().file())
                        || partner.router().file() != null
                                && partner.router().file().endsWith("/" + d.router()))
                .anyMatch(d -> address.equals(
                        new IPAddressString(d.publicAddress()).getAddress().withoutPrefixLength()));
    }

    private record Candidate(PeerEnd first, PeerEnd second, int strength, int order) {}
}
