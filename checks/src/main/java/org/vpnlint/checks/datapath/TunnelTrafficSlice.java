package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.PacketMatch;
import org.vpnlint.model.Router;

/**
 * The router as one tunnel's question sees it: only the IPsec tunnels, source NAT rules and firewall rules that could
 * act on a packet of that question. On a router with a thousand tunnels and thousands of rules, most name other
 * networks, and the solver need not see them.
 *
 * <p>Why this keeps every answer. The questions asked of a slice constrain the header after destination NAT
 * ({@code Outcome.afterDestinationNat}, the header routing and lookup 1 see) to the tunnel's policy space: source
 * inside a local selector, destination inside a remote selector. Nothing after destination NAT changes the
 * destination of that packet (source NAT changes the source); the only other packet the pipeline follows is the ESP
 * packet of the tunnel that encrypts it, from that tunnel's local endpoint to its remote endpoint.
 * <ul>
 *   <li>Tunnels. Everything a tunnel adds matches on the destination: its policies (both lookups, every
 *       direction) on a selector, its table 220 routes on a remote selector, EdgeOS's automatic exclude and accept
 *       rules on its selectors, IKE and ESP to its local endpoint. A tunnel none of whose selectors nor its local
 *       endpoint holds a destination the question's packets can have never acts, so it is left out with its SA
 *       state. Those destinations are the asked tunnel's remote selectors and the remote endpoint of every tunnel
 *       kept (whose ESP packet it may be), grown until no more tunnels join. Route-based tunnels (VTI) act through
 *       routes to their interface, whatever the destination, and are always kept.</li>
 *   <li>Rules. POSTROUTING source NAT and every filter chain (forward, input, output, and the named chains they
 *       jump to) match the tunnel's traffic or a kept tunnel's ESP packet. A rule whose address conditions have no
 *       packet in common with either never matches in the question; in first-match order such a rule neither acts
 *       nor hides later rules from any packet (an exclude, a jump or a return no more than a translation or an
 *       accept), so removing it changes no outcome: not the translated header, not lookup 2, not a filter verdict.
 *       Destination NAT sees the header before translation, which the question leaves free: it is kept whole.</li>
 * </ul>
 * The tests are on addresses only and keep a tunnel or a rule whenever they cannot tell (a negation that does not
 * cover the whole space, another address family, an endpoint the compiler does not know): one too many costs time,
 * never an answer. Rules and tunnels are found through {@link IntervalIndex}es built once per router, so a question
 * costs what its slice holds, not what the router holds. Witnesses are replayed on the slice: what it leaves out never acts, so the trace is the one the
 * whole router gives (TunnelTrafficSliceTest replays every witness on both and compares).
 */
public final class TunnelTrafficSlice {

    /** Addresses as whole ranges (a selector's prefix, an endpoint's single address); null stands for any address. */
    private record AddressSpace(List<AddressInterval> ranges) {

        static AddressSpace of(List<IPAddress> addresses) {
            return addresses == null
                    ? null
                    : new AddressSpace(addresses.stream()
                            .map(AddressInterval::of)
                            .distinct()
                            .toList());
        }
    }

    /** Packets from {@code sources} to {@code destinations}: a tunnel's policy space, or the ESP packets. */
    private record PacketSpace(AddressSpace sources, AddressSpace destinations) {}

    private final Router router;
    private final List<CompiledTunnel> tunnels;
    /** Each tunnel's selectors and local endpoint; tunnels that may act on any destination are in {@link #anyTunnel}. */
    private final IntervalIndex tunnelAddresses = new IntervalIndex();

    private final BitSet anyTunnel = new BitSet();
    /**
     * For questions about packets of a known source ({@link #forPackets}): each tunnel's remote selectors, which act
     * on a destination whatever the source; its local selectors and local endpoint, which act only on packets from
     * its remote side (see {@link #forPackets}); and that remote side (remote selectors and endpoint) per tunnel.
     */
    private final IntervalIndex remoteSides = new IntervalIndex();

    private final IntervalIndex localSides = new IntervalIndex();
    private final List<List<AddressInterval>> remoteSideOf = new ArrayList<>();
    /** EdgeOS's automatic accept rules for IKE and ESP exist while any peer does: no tunnel may then be left out by source. */
    private final boolean autoAccepts;
    /** The rules a slice may leave out, numbered: source NAT rules, then every firewall chain's rules. */
    private final List<PacketMatch> ruleMatches = new ArrayList<>();

    private final Map<FirewallChain, int[]> chainRules = new IdentityHashMap<>();
    private final RuleAddresses sources = new RuleAddresses();
    private final RuleAddresses destinations = new RuleAddresses();

    private TunnelTrafficSlice(Router router, CompiledRouter compiled) {
        this.router = router;
        this.tunnels = compiled.tunnels();
        this.autoAccepts = router.ipsec() != null && router.ipsec().autoFirewallNatExclude();
        for (int i = 0; i < tunnels.size(); i++) {
            CompiledTunnel tunnel = tunnels.get(i);
            List<AddressInterval> remoteSide = new ArrayList<>();
            tunnel.remoteSelectors().forEach(address -> remoteSide.add(AddressInterval.of(address)));
            if (tunnel.remoteEndpoint() != null) remoteSide.add(AddressInterval.of(tunnel.remoteEndpoint()));
            remoteSideOf.add(tunnel.remoteEndpoint() == null ? null : remoteSide);
            // a VTI acts through routes to its interface, whatever the destination
            if (tunnel.vtiInterface() != null || tunnel.localEndpoint() == null) {
                anyTunnel.set(i);
                continue;
            }
            List<IPAddress> own = new ArrayList<>(tunnel.localSelectors());
            own.addAll(tunnel.remoteSelectors());
            own.add(tunnel.localEndpoint());
            for (IPAddress address : own) tunnelAddresses.add(AddressInterval.of(address), i);
            for (IPAddress address : tunnel.remoteSelectors()) remoteSides.add(AddressInterval.of(address), i);
            for (IPAddress address : tunnel.localSelectors()) localSides.add(AddressInterval.of(address), i);
            localSides.add(AddressInterval.of(tunnel.localEndpoint()), i);
        }
        if (router.nat() != null) router.nat().sourceRules().forEach(rule -> number(rule.match()));
        if (router.firewall() != null) {
            number(router.firewall().ipv4());
            number(router.firewall().ipv6());
        }
    }

    /** The slices of one compiled router, one per tunnel asked (see {@link #forTunnel}). */
    public static TunnelTrafficSlice of(Router router, CompiledRouter compiled) {
        return new TunnelTrafficSlice(router, compiled);
    }

    /** The router without the tunnels, source NAT and firewall rules that cannot act on this tunnel's traffic. */
    Router forTunnel(CompiledTunnel asked) {
        return forTunnels(List.of(asked));
    }

    /**
     * The router for questions about any of these tunnels: the union of their slices. It answers each tunnel's
     * question as that tunnel's own slice does, since it lies between that slice and the whole router; one pipeline
     * so serves several tunnels' questions.
     */
    Router forTunnels(List<CompiledTunnel> asked) {
        BitSet keptTunnels = new BitSet();
        BitSet keptRules = new BitSet();
        for (CompiledTunnel tunnel : asked) {
            BitSet own = keptTunnels(tunnel);
            keptTunnels.or(own);
            keptRules.or(keptRules(tunnel, own));
        }
        return slice(keptRules, keptPeers(keptTunnels));
    }

    /**
     * The router for questions whose header after destination NAT lies in {@code sources} × {@code destinations}
     * (null: any address), by the same argument as a tunnel's slice: the tunnels that may act on such a packet
     * (and on the ESP packets of those kept), and the rules that may match such a packet or one of those ESP packets.
     * Unlike a tunnel's question, the source is known here, so a tunnel whose local side holds the destination is
     * kept only when the source may be on its remote side ({@link #keptTunnels(List, List)}): a decrypted packet the
     * slice no longer compares (its tunnel left out) matches none of that tunnel's policies, so it is dropped by
     * both versions alike.
     */
    public Router forPackets(List<IPAddress> sources, List<IPAddress> destinations) {
        BitSet keptTunnels = keptTunnels(sources, destinations);
        BitSet keptRules = keptRules(packetSpaces(sources, destinations, keptTunnels));
        return slice(keptRules, keptPeers(keptTunnels));
    }

    /**
     * How much a question about these packets holds (see {@link #forPackets}): its tunnels plus its source NAT and
     * firewall rules, counted without building the router, so that a caller can cut a large question into small ones.
     */
    public int weight(List<IPAddress> sources, List<IPAddress> destinations) {
        BitSet keptTunnels = keptTunnels(sources, destinations);
        return TUNNEL_WEIGHT * keptTunnels.cardinality()
                + keptRules(packetSpaces(sources, destinations, keptTunnels)).cardinality();
    }

    /**
     * What a tunnel costs a question, in rules: its policies in both lookups, its routes, the ingress of its
     * decrypted packets (TunnelQuestions measured four tunnels per pipeline as the fastest).
     */
    public static final int TUNNEL_WEIGHT = 4;

    /**
     * The tunnels that may act on packets from {@code sources} to {@code destinations} (null: any): those whose
     * remote selectors may hold a destination (policies out, table 220 routes, EdgeOS's exclude), those whose local
     * selectors or local endpoint may hold one while a source may be on their remote side (the inbound and forward
     * policy check matches remote to local; the local endpoint acts only as the ESP packet's source), then the closure
     * over the ESP packets of those kept as for a tunnel's slice. With EdgeOS's automatic accept rules, or an unknown
     * remote endpoint, the source is not looked at.
     */
    private BitSet keptTunnels(List<IPAddress> sources, List<IPAddress> destinations) {
        BitSet kept = (BitSet) anyTunnel.clone();
        if (sources == null || destinations == null || autoAccepts) return keptTunnels(kept, destinations);
        List<AddressInterval> sourceRanges =
                sources.stream().map(AddressInterval::of).toList();
        for (IPAddress destination : destinations) {
            AddressInterval range = AddressInterval.of(destination);
            remoteSides.overlapping(range, kept);
            BitSet local = new BitSet();
            localSides.overlapping(range, local);
            for (int i = local.nextSetBit(0); i >= 0; i = local.nextSetBit(i + 1)) {
                if (fromRemoteSide(i, sourceRanges)) kept.set(i);
            }
        }
        return keptTunnels(kept, List.of());
    }

    /** Whether a source may lie on the tunnel's remote side (true when unsure). */
    private boolean fromRemoteSide(int tunnel, List<AddressInterval> sourceRanges) {
        List<AddressInterval> remoteSide = remoteSideOf.get(tunnel);
        if (remoteSide == null) return true;
        for (AddressInterval source : sourceRanges) {
            for (AddressInterval remote : remoteSide) {
                if (source.ipv4() != remote.ipv4() || source.overlaps(remote)) return true;
            }
        }
        return false;
    }

    /** The packets asked about, and the ESP packets of the tunnels kept for them. */
    private List<PacketSpace> packetSpaces(List<IPAddress> sources, List<IPAddress> destinations, BitSet keptTunnels) {
        return List.of(new PacketSpace(AddressSpace.of(sources), AddressSpace.of(destinations)), espSpace(keptTunnels));
    }

    /** The rules that may match the asked tunnel's traffic or the ESP packets of the tunnels kept for it. */
    private BitSet keptRules(CompiledTunnel asked, BitSet keptTunnels) {
        List<PacketSpace> spaces = new ArrayList<>();
        spaces.add(new PacketSpace(AddressSpace.of(asked.localSelectors()), AddressSpace.of(asked.remoteSelectors())));
        spaces.add(espSpace(keptTunnels));
        return keptRules(spaces);
    }

    /** The ESP packets of the kept tunnels: from their local endpoints to their remote endpoints. */
    private PacketSpace espSpace(BitSet keptTunnels) {
        List<IPAddress> espSources = new ArrayList<>();
        List<IPAddress> espDestinations = new ArrayList<>();
        for (int i = keptTunnels.nextSetBit(0); i >= 0; i = keptTunnels.nextSetBit(i + 1)) {
            CompiledTunnel tunnel = tunnels.get(i);
            if (tunnel.localEndpoint() == null) espSources = null; // the ESP packets of this tunnel may have any source
            else if (espSources != null) espSources.add(tunnel.localEndpoint());
            if (tunnel.remoteEndpoint() == null) espDestinations = null;
            else if (espDestinations != null) espDestinations.add(tunnel.remoteEndpoint());
        }
        return new PacketSpace(AddressSpace.of(espSources), AddressSpace.of(espDestinations));
    }

    /**
     * The asked tunnel and those that act whatever the destination, then every tunnel that may act on a destination
     * of the question (the asked tunnel's remote selectors, a kept tunnel's remote endpoint), until none joins.
     */
    private BitSet keptTunnels(CompiledTunnel asked) {
        BitSet kept = (BitSet) anyTunnel.clone();
        kept.set(asked.index() - 1);
        return keptTunnels(kept, asked.remoteSelectors());
    }

    /**
     * The tunnels {@code kept} so far, then every tunnel that may act on one of the {@code destinations} (null: any)
     * or on a kept tunnel's remote endpoint, until none joins.
     */
    private BitSet keptTunnels(BitSet kept, List<IPAddress> destinations) {
        if (destinations == null) {
            kept.set(0, tunnels.size());
            return kept;
        }
        List<IPAddress> pending = new ArrayList<>(destinations);
        boolean anyDestination = false;
        BitSet joining = (BitSet) kept.clone();
        // the destinations asked are looked up even when no tunnel is kept yet
        while (!anyDestination && (!joining.isEmpty() || !pending.isEmpty())) {
            for (int i = joining.nextSetBit(0); i >= 0; i = joining.nextSetBit(i + 1)) {
                IPAddress endpoint = tunnels.get(i).remoteEndpoint();
                if (endpoint == null) anyDestination = true; // its ESP packets may go anywhere
                else pending.add(endpoint);
            }
            joining = new BitSet();
            for (IPAddress destination : pending) tunnelAddresses.overlapping(AddressInterval.of(destination), joining);
            joining.andNot(kept);
            kept.or(joining);
            pending.clear();
        }
        if (anyDestination) kept.set(0, tunnels.size());
        return kept;
    }

    /** The router's peers that have one of the kept tunnels, each with only its kept tunnels (a VTI peer whole). */
    private List<IpsecPeer> keptPeers(BitSet keptTunnels) {
        Map<String, Set<Integer>> keptByPeer = new HashMap<>();
        keptTunnels.stream().mapToObj(tunnels::get).forEach(tunnel -> {
            Set<Integer> numbers = keptByPeer.computeIfAbsent(tunnel.ref().peer(), peer -> new HashSet<>());
            tunnel.ref().tunnel().ifPresent(numbers::add); // a VTI has no number: its peer is kept whole
        });
        List<IpsecPeer> peers = new ArrayList<>();
        if (router.ipsec() == null) return peers;
        for (IpsecPeer peer : router.ipsec().peers()) {
            Set<Integer> numbers = keptByPeer.get(peer.name());
            if (numbers == null) continue;
            if (peer.vtiInterface() != null) {
                peers.add(peer);
                continue;
            }
            peers.add(peer.withTunnels(peer.tunnels().stream()
                    .filter(t -> numbers.contains(t.number()))
                    .toList()));
        }
        return peers;
    }

    /**
     * The numbers of the rules that may match a packet of one of the spaces: candidates from the indexes, then the
     * exact test on each candidate.
     */
    private BitSet keptRules(List<PacketSpace> spaces) {
        BitSet candidates = new BitSet();
        for (PacketSpace space : spaces) {
            BitSet both = sources.mayMeet(space.sources(), ruleMatches.size());
            both.and(destinations.mayMeet(space.destinations(), ruleMatches.size()));
            candidates.or(both);
        }
        BitSet kept = new BitSet();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (mayMatch(ruleMatches.get(i), spaces)) kept.set(i);
        }
        return kept;
    }

    private Router slice(BitSet keptRules, List<IpsecPeer> keptPeers) {
        NatConfig nat = null;
        if (router.nat() != null) {
            List<NatRule> rules = router.nat().sourceRules();
            List<NatRule> kept = new ArrayList<>();
            for (int i = keptRules.nextSetBit(0); i >= 0 && i < rules.size(); i = keptRules.nextSetBit(i + 1)) {
                kept.add(rules.get(i));
            }
            nat = new NatConfig(kept, router.nat().destinationRules());
        }
        FirewallConfig firewall = router.firewall() == null
                ? null
                : new FirewallConfig(
                        slice(router.firewall().ipv4(), keptRules),
                        slice(router.firewall().ipv6(), keptRules));
        IpsecConfig ipsec = router.ipsec() == null
                ? null
                : new IpsecConfig(
                        keptPeers,
                        router.ipsec().ikeGroups(),
                        router.ipsec().espGroups(),
                        router.ipsec().presharedKeys(),
                        router.ipsec().ikeInterfaces(),
                        router.ipsec().autoFirewallNatExclude(),
                        router.ipsec().routeAutoinstall(),
                        router.ipsec().natTraversal());
        return router.withConfiguration(nat, firewall, ipsec);
    }

    private FirewallFamily slice(FirewallFamily family, BitSet keptRules) {
        if (family == null) return null;
        Map<String, FirewallChain> named = new LinkedHashMap<>();
        family.named().forEach((name, chain) -> named.put(name, slice(chain, keptRules)));
        return new FirewallFamily(
                slice(family.forward(), keptRules),
                slice(family.input(), keptRules),
                slice(family.output(), keptRules),
                named,
                slice(family.zoneForward(), keptRules),
                slice(family.zoneInput(), keptRules),
                slice(family.zoneOutput(), keptRules));
    }

    private FirewallChain slice(FirewallChain chain, BitSet keptRules) {
        if (chain == null) return null;
        int[] numbers = chainRules.get(chain);
        List<FirewallRule> kept = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) {
            if (keptRules.get(numbers[i])) kept.add(chain.rules().get(i));
        }
        if (kept.size() == chain.rules().size()) return chain;
        return new FirewallChain(chain.name(), chain.defaultAction(), kept, chain.path(), chain.location());
    }

    private void number(FirewallFamily family) {
        if (family == null) return;
        for (FirewallChain chain : family.allChains()) {
            if (chainRules.containsKey(chain)) continue;
            int[] numbers = new int[chain.rules().size()];
            for (int i = 0; i < numbers.length; i++)
                numbers[i] = number(chain.rules().get(i).match());
            chainRules.put(chain, numbers);
        }
    }

    private int number(PacketMatch match) {
        int number = ruleMatches.size();
        ruleMatches.add(match);
        sources.add(match == null ? null : match.source(), number);
        destinations.add(match == null ? null : match.destination(), number);
        return number;
    }

    /** Whether a packet of a tunnel's policy space, or an ESP packet, may satisfy these address conditions. */
    private static boolean mayMatch(PacketMatch match, List<PacketSpace> spaces) {
        if (match == null) return true;
        for (PacketSpace space : spaces) {
            if (maySatisfy(match.source(), space.sources()) && maySatisfy(match.destination(), space.destinations())) {
                return true;
            }
        }
        return false;
    }

    /** Whether an address in {@code space} (null: any address) may satisfy the condition; true when unsure. */
    private static boolean maySatisfy(AddressMatch condition, AddressSpace space) {
        if (space == null || condition == null || condition.isAny()) return true;
        if (space.ranges().isEmpty()) return false;
        List<AddressInterval> ranges =
                condition.ranges().stream().map(AddressInterval::of).toList();
        for (AddressInterval range : ranges) {
            for (AddressInterval block : space.ranges()) {
                if (range.ipv4() != block.ipv4()) return true;
            }
        }
        if (condition.negated()) {
            // "not in the ranges" misses the space only when one range holds each whole block
            return !space.ranges().stream().allMatch(block -> ranges.stream().anyMatch(r -> r.contains(block)));
        }
        return ranges.stream().anyMatch(range -> space.ranges().stream().anyMatch(range::overlaps));
    }

    /**
     * One side (source or destination) of every numbered rule: plain ranges in an index, the rest (any address, a
     * negation) kept as candidates for every question.
     */
    private static final class RuleAddresses {
        private final IntervalIndex ranges = new IntervalIndex();
        private final BitSet unindexed = new BitSet();

        void add(AddressMatch condition, int number) {
            if (condition == null || condition.isAny() || condition.negated()) {
                unindexed.set(number);
                return;
            }
            condition.ranges().forEach(range -> ranges.add(AddressInterval.of(range), number));
        }

        /** The rules whose condition on this side may hold for an address of the space (null: any): a superset. */
        BitSet mayMeet(AddressSpace space, int ruleCount) {
            BitSet candidates = (BitSet) unindexed.clone();
            if (space == null) {
                candidates.set(0, ruleCount);
                return candidates;
            }
            for (AddressInterval block : space.ranges()) ranges.overlapping(block, candidates);
            return candidates;
        }
    }
}
