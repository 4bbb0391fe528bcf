package org.vpnlint.checks.ike;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vpnlint.checks.ike.pairing.AddressScope;
import org.vpnlint.checks.ike.pairing.IkeIdentity;
import org.vpnlint.checks.ike.pairing.LoadedSecret;
import org.vpnlint.checks.ike.pairing.NatInFront;
import org.vpnlint.checks.ike.pairing.PeerEnd;
import org.vpnlint.checks.ike.pairing.PeerPair;
import org.vpnlint.checks.ike.pairing.StartAction;
import org.vpnlint.model.Level;

/**
 * Everything about one pair of ends that decides whether an IKE_SA comes up: which ends initiate, and how each of
 * their negotiations goes. The IKE_SA is established when any initiator's negotiation succeeds (an end that only
 * responds still negotiates when traffic hits its trap). When no end initiates, the negotiation each end would
 * start is still replayed so that latent problems are reported too.
 *
 * <p>An unknown NAT public address P matters only through equality with addresses the responder names
 * (remote-address, remote-id, PSK ids). So P is split into those addresses plus "any other public address"
 * (represented by an address that matches nothing, written as null) and each class is replayed once.
 */
public final class PairAnalysis {

    private final PeerPair pair;
    private final List<DirectionOutcome> directions = new ArrayList<>();

    public PairAnalysis(PeerPair pair) {
        this.pair = pair;
        for (PeerEnd end : initiatorsInOrder()) {
            DirectionOutcome outcome = negotiate(end);
            if (outcome != null) directions.add(outcome);
        }
    }

    public PeerPair pair() {
        return pair;
    }

    /** Ends that start IKE by themselves or on traffic, those that start at boot first. */
    public List<PeerEnd> initiators() {
        List<PeerEnd> ends = new ArrayList<>();
        for (StartAction action : List.of(StartAction.START, StartAction.ON_DEMAND)) {
            if (pair.first().startAction() == action) ends.add(pair.first());
            if (pair.second().startAction() == action) ends.add(pair.second());
        }
        return ends;
    }

    /** Initiators that actually reach their partner (not stopped at a masquerading NAT or a wrong address). */
    public List<DirectionOutcome> reachingDirections() {
        return directions.stream()
                .filter(d -> initiators().contains(d.result().initiator()))
                .filter(d -> d.result().obstacle() != Obstacle.UNREACHABLE)
                .toList();
    }

    public List<DirectionOutcome> directions() {
        return directions;
    }

    public boolean established() {
        return reachingDirections().stream().anyMatch(d -> d.result().established());
    }

    /**
     * Whether the IKE_SA comes up when every NAT whose public address vpnlint does not know shows
     * {@code publicAddress} (for checking a finding's address condition against a concrete network).
     */
    public boolean establishedWhenNatShows(IPAddress publicAddress) {
        return reachingDirections().stream()
                .anyMatch(d -> d.publicAddressUnknown() && d.exceptions().contains(publicAddress)
                        ? !d.result().established()
                        : d.result().established());
    }

    /**
     * The negotiation to report when the IKE_SA does not come up: the first reaching initiator's, else (nobody
     * initiates) the first replayable one. Empty when established or when nothing can be replayed.
     */
    public Optional<DirectionOutcome> failure() {
        if (established()) return Optional.empty();
        List<DirectionOutcome> reaching = reachingDirections();
        if (!reaching.isEmpty()) return Optional.of(reaching.get(0));
        return directions.stream()
                .filter(d -> !d.result().established() && d.result().obstacle() != Obstacle.UNREACHABLE)
                .findFirst();
    }

    /**
     * What a rule should report: the failure (error) when the IKE_SA never comes up, or, when it comes up only
     * because an end that responds negotiates on traffic, the failed start-up negotiation (warning).
     */
    public Optional<Reportable> reportable() {
        Optional<DirectionOutcome> failure = failure();
        if (failure.isPresent()) return Optional.of(new Reportable(failure.get(), Level.ERROR, false));
        return reachingDirections().stream()
                .filter(d -> d.result().initiator().startAction() == StartAction.START
                        && !d.result().established())
                .findFirst()
                .map(d -> new Reportable(d, Level.WARNING, true));
    }

    /** A negotiation to report, its level, and whether the IKE_SA still comes up the other way round. */
    public record Reportable(DirectionOutcome outcome, Level level, boolean establishedOtherwise) {
        public Obstacle obstacle() {
            return outcome.result().obstacle();
        }
    }

    private List<PeerEnd> initiatorsInOrder() {
        List<PeerEnd> ends = new ArrayList<>(initiators());
        for (PeerEnd end : List.of(pair.first(), pair.second())) {
            if (!ends.contains(end) && !end.remoteAddresses().isEmpty()) ends.add(end); // hypothetical
        }
        return ends;
    }

    private DirectionOutcome negotiate(PeerEnd initiator) {
        NatInFront nat = pair.natOf(initiator);
        NegotiationResult generic = new IkeNegotiation(pair, initiator, null).run();
        if (generic == null) return null;
        if (!nat.present() || nat.publicAddressKnown()) {
            return new DirectionOutcome(generic, false, List.of());
        }
        List<IPAddress> exceptions = new ArrayList<>();
        for (IPAddress candidate : addressesNamedBy(pair.partnerOf(initiator))) {
            NegotiationResult specific = new IkeNegotiation(pair, initiator, candidate).run();
            if (specific != null && specific.established() != generic.established()) exceptions.add(candidate);
        }
        return new DirectionOutcome(generic, true, exceptions);
    }

    /** The public addresses an end's configuration names for its partner: remote addresses, remote-id, PSK ids. */
    private static Set<IPAddress> addressesNamedBy(PeerEnd end) {
        Set<IPAddress> named = new LinkedHashSet<>(end.remoteAddresses());
        IPAddress remoteId = end.acceptedIdentity().address();
        if (remoteId != null) named.add(remoteId);
        for (LoadedSecret secret : end.secrets().all()) {
            for (IkeIdentity owner : secret.owners()) {
                if (owner.address() != null) named.add(owner.address());
            }
        }
        named.removeIf(AddressScope::isPrivate);
        return named;
    }
}
