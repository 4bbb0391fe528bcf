package org.vpnlint.checks.diff;

import inet.ipaddr.IPAddress;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.vpnlint.checks.ReplayDisagreement;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.checks.datapath.AddressTerms;
import org.vpnlint.checks.datapath.TunnelTrafficSlice;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.Ingress;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.Preference;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicAlgebra;
import org.vpnlint.solver.SymbolicQuery;

/**
 * Compares two versions of one router: which packets change fate. See the package documentation for the method.
 */
public final class ChangeImpact {

    /** Each solver check's limit; a check that runs out is a note, never a proof. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** At most this many classes per address family; more are a note that the list is cut. */
    static final int CLASS_LIMIT = 40;

    /** The question every witness of the search answers, as an internal error names it. */
    private static final String WHICH_PACKETS = "a packet whose fate the change alters";

    private final Solver solver;
    private final SaMode mode;
    private final ChangedNodes changes;
    private final String beforeFile;
    private final String afterFile;
    private final List<FateDifference> differences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private boolean proved = true;
    /** The search stopped early (too many classes): no further box is asked. */
    private boolean cut;
    /** The box being asked when the space is cut into several ({@link ChangeSpaceSplit}), for the notes; else null. */
    private ChangeSpace box;
    /** The prefix lengths measured for each way of changing (sides and SA states), as hints for the next class. */
    private final Map<String, int[]> lengths = new java.util.HashMap<>();

    private ChangeImpact(Solver solver, SaMode mode, RouterVersion before, RouterVersion after) {
        this.solver = solver;
        this.mode = mode;
        this.changes = ChangedNodes.between(before.tree(), after.tree());
        this.beforeFile = before.router().file();
        this.afterFile = after.router().file();
    }

    /** Every class of packets whose fate differs between the versions, or the proof that there is none. */
    public static RouterImpact compare(Solver solver, RouterVersion before, RouterVersion after, SaMode mode) {
        ChangeImpact impact = new ChangeImpact(solver, mode, before, after);
        Optional<ChangeSpace> touched = ChangeSpace.of(impact.changes, before, after);
        for (AddressFamily family : families(before.router(), after.router())) {
            CompiledRouter oldWhole = CompiledRouter.compile(before.router(), family);
            CompiledRouter changedWhole = CompiledRouter.compile(after.router(), family);
            ChangeSpace space = touched.map(t -> t.of(family))
                    .filter(s -> !s.mayHoldEsp(oldWhole) && !s.mayHoldEsp(changedWhole))
                    .orElse(null);
            List<FateKey> found = new ArrayList<>();
            if (space == null) {
                impact.ask(after, oldWhole, changedWhole, oldWhole, changedWhole, null, found, true);
                continue;
            }
            TunnelTrafficSlice oldSlices = TunnelTrafficSlice.of(before.router(), oldWhole);
            TunnelTrafficSlice changedSlices = TunnelTrafficSlice.of(after.router(), changedWhole);
            List<ChangeSpace> boxes = ChangeSpaceSplit.boxes(space, family, oldSlices, changedSlices);
            for (int i = 0; i < boxes.size() && !impact.cut; i++) {
                ChangeSpace box = boxes.get(i);
                CompiledRouter old = slice(oldSlices, oldWhole, box);
                CompiledRouter changed = slice(changedSlices, changedWhole, box);
                impact.box = boxes.size() == 1 ? null : box;
                impact.ask(after, old, changed, oldWhole, changedWhole, box, found, i == 0);
            }
        }
        return new RouterImpact(impact.beforeFile, impact.afterFile, impact.proved, impact.differences, impact.notes);
    }

    /** One question: the packets of {@code space} (null: every packet) on the versions given (whole or sliced). */
    private void ask(
            RouterVersion after,
            CompiledRouter old,
            CompiledRouter changed,
            CompiledRouter oldWhole,
            CompiledRouter changedWhole,
            ChangeSpace space,
            List<FateKey> found,
            boolean noteMissing) {
        List<Ingress> ingresses = commonIngresses(old, changed, noteMissing && old.family() == AddressFamily.IPV4);
        try (SymbolicQuery<?, ?> query =
                solver.newQuery("diff " + after.router().file() + " " + old.family(), TIMEOUT)) {
            search(new FatePair<>(query, old, changed, oldWhole, changedWhole, ingresses), space, found);
        }
    }

    /** The router without the tunnels and rules that cannot act on a packet of the space (see {@link ChangeSpace}). */
    private static CompiledRouter slice(TunnelTrafficSlice slices, CompiledRouter whole, ChangeSpace space) {
        return CompiledRouter.compile(slices.forPackets(space.sources(), space.destinations()), whole.family());
    }

    /** IPv4 always; IPv6 when either version has an IPv6 interface address. */
    private static List<AddressFamily> families(Router before, Router after) {
        boolean ipv6 = hasIpv6(before) || hasIpv6(after);
        return ipv6 ? List.of(AddressFamily.IPV4, AddressFamily.IPV6) : List.of(AddressFamily.IPV4);
    }

    private static boolean hasIpv6(Router router) {
        return router.interfaces().stream().flatMap(i -> i.addresses().stream()).anyMatch(AddressFamily.IPV6::contains);
    }

    /** The router's own packets, every interface both versions have, and every tunnel's decrypted packets. */
    private List<Ingress> commonIngresses(CompiledRouter old, CompiledRouter changed, boolean noteMissing) {
        List<Ingress> ingresses = new ArrayList<>();
        ingresses.add(Ingress.local());
        for (NetInterface netInterface : old.interfaces()) {
            if (!receives(netInterface)) continue;
            int twin = changed.interfaceIndex(netInterface.name());
            if (twin != 0 && receives(changed.interfaceAt(twin)))
                ingresses.add(Ingress.onInterface(netInterface.name()));
            else if (noteMissing)
                notes.add("interface " + netInterface.name() + " is only in " + beforeFile
                        + ": packets arriving on it are not compared");
        }
        for (NetInterface netInterface : changed.interfaces()) {
            if (noteMissing && old.interfaceIndex(netInterface.name()) == 0) {
                notes.add("interface " + netInterface.name() + " is only in " + afterFile
                        + ": packets arriving on it are not compared");
            }
        }
        for (CompiledTunnel tunnel : old.tunnels()) {
            if (changed.tunnelIndex(tunnel.ref()) != 0) ingresses.add(Ingress.decryptedBy(tunnel.ref()));
        }
        return ingresses;
    }

    /** Packets arrive from a network only on an enabled interface that is not a loopback or dummy. */
    private static boolean receives(NetInterface netInterface) {
        return !netInterface.disabled()
                && netInterface.kind() != InterfaceKind.LOOPBACK
                && netInterface.kind() != InterfaceKind.DUMMY;
    }

    /**
     * The classes of the space's packets that differ, outside the classes {@code found} so far (in this or an earlier
     * box of the same family: a class is reported once), until UNSAT, a timeout or too many classes.
     */
    private <B, V> void search(FatePair<B, V> pair, ChangeSpace space, List<FateKey> found) {
        SymbolicQuery<B, V> query = pair.query;
        CompiledRouter old = pair.before;
        CompiledRouter changed = pair.after;
        SymbolicAlgebra<B, V> algebra = pair.algebra;
        B within = pair.within(space);
        List<Preference<B>> readable = WitnessReadability.of(old, changed).preferences(algebra, old, pair.beforeInput);
        B everyUp = pair.everySa(true);
        List<B> rounds = switch (mode) {
            case UP -> List.of(everyUp);
            case DOWN -> List.of(pair.everySa(false));
            case BOTH -> List.of(everyUp, algebra.not(everyUp));
        };
        if (box != null && rounds.size() > 1) {
            // one of many boxes: most hold no class not found yet, and one check over every SA state proves that
            B goal = algebra.and(pair.differs(), within);
            for (FateKey key : found) goal = algebra.and(goal, algebra.not(pair.inClass(key)));
            if (query.check(goal, List.of()) instanceof QueryResult.Proved) return;
        }
        for (B round : rounds) {
            List<Preference<B>> wishes = new ArrayList<>();
            if (round != everyUp) wishes.add(Preference.of(pair.everySa(false))); // readable: every SA down
            wishes.addAll(readable);
            while (true) {
                if (found.size() >= CLASS_LIMIT) {
                    notes.add(old.family() + ": the first " + CLASS_LIMIT + " classes of changed packets are reported;"
                            + " there may be more");
                    proved = false;
                    cut = true;
                    return;
                }
                B goal = algebra.and(algebra.and(pair.differs(), round), within);
                for (FateKey key : found) goal = algebra.and(goal, algebra.not(pair.inClass(key)));
                QueryResult result = query.check(goal, wishes);
                if (result instanceof QueryResult.Proved) break;
                if (result instanceof QueryResult.Unknown unknown) {
                    notes.add(old.family() + inBox() + ": "
                            + UndecidedNote.solverGaveUpText("more packets change fate", unknown.reason()));
                    proved = false;
                    return;
                }
                B asked = algebra.and(round, within);
                FateKey key = report(
                        pair,
                        readableWitness(pair, ((QueryResult.Witness) result).values(), asked, wishes),
                        found,
                        within);
                found.add(key);
            }
        }
    }

    /** The box asked, in words, when the space is cut into several; else nothing. */
    private String inBox() {
        if (box == null) return "";
        return " packets from " + prefixes(box.sources()) + " to " + prefixes(box.destinations());
    }

    private static String prefixes(List<IPAddress> prefixes) {
        if (prefixes == null) return "any address";
        return String.join(
                ", ", prefixes.stream().map(IPAddress::toCompressedString).toList());
    }

    /**
     * For a class where one version delivers the packets to the router itself, the packets that matter most are a
     * peer's IKE, NAT-T and ESP: when the class holds one, it is the witness (one more solver check).
     */
    private <B, V> Map<String, BigInteger> readableWitness(
            FatePair<B, V> pair, Map<String, BigInteger> values, B round, List<Preference<B>> wishes) {
        ConcretePacket packet = pair.witnessPacket(values);
        SaStates states = statesOf(pair, values);
        PacketTrace before = Datapath.replay(pair.beforeWhole, packet, states);
        PacketTrace after = Datapath.replay(pair.afterWhole, packet, states);
        if (before.verdict() != Verdict.LOCAL && after.verdict() != Verdict.LOCAL) return values;
        List<B> ike = peerPackets(pair);
        if (ike.isEmpty()) return values;
        List<Preference<B>> ikeFirst = new ArrayList<>();
        ikeFirst.add(Preference.firstOf(ike));
        ikeFirst.addAll(wishes);
        B goal = pair.algebra.and(pair.algebra.and(pair.differs(), round), pair.inClass(FateKey.of(before, after)));
        return pair.query.check(goal, ikeFirst) instanceof QueryResult.Witness witness ? witness.values() : values;
    }

    /** IKE (udp 500), NAT-T (udp 4500) and ESP from each tunnel's peer to its local endpoint, in that order. */
    private static <B, V> List<B> peerPackets(FatePair<B, V> pair) {
        SymbolicAlgebra<B, V> algebra = pair.algebra;
        Header<V> header = pair.beforeInput.header();
        AddressFamily family = pair.before.family();
        List<B> ike = new ArrayList<>();
        List<B> natT = new ArrayList<>();
        List<B> esp = new ArrayList<>();
        for (CompiledRouter router : List.of(pair.before, pair.after)) {
            for (CompiledTunnel tunnel : router.tunnels()) {
                if (!family.contains(tunnel.remoteEndpoint()) || !family.contains(tunnel.localEndpoint())) continue;
                B endpoints = algebra.and(
                        AddressTerms.is(algebra, family, header.src(), tunnel.remoteEndpoint()),
                        AddressTerms.is(algebra, family, header.dst(), tunnel.localEndpoint()));
                ike.add(algebra.and(endpoints, udp(algebra, header, 500)));
                natT.add(algebra.and(endpoints, udp(algebra, header, 4500)));
                esp.add(algebra.and(
                        endpoints,
                        algebra.eq(header.protocol(), algebra.bits(ProtocolMatch.ESP, Header.PROTOCOL_WIDTH))));
            }
        }
        List<B> all = new ArrayList<>(ike);
        all.addAll(natT);
        all.addAll(esp);
        return all;
    }

    private static <B, V> B udp(SymbolicAlgebra<B, V> algebra, Header<V> header, int port) {
        B ports = algebra.and(
                algebra.eq(header.srcPort(), algebra.bits(port, Header.PORT_WIDTH)),
                algebra.eq(header.dstPort(), algebra.bits(port, Header.PORT_WIDTH)));
        return algebra.and(
                algebra.eq(header.protocol(), algebra.bits(ProtocolMatch.UDP, Header.PROTOCOL_WIDTH)), ports);
    }

    /** The tunnel a replay names is one the question knew (a slice leaves out only tunnels that never act). */
    private static boolean inSlice(CompiledRouter slice, PacketTrace trace) {
        return trace.tunnel() == null || slice.tunnelIndex(trace.tunnel()) != 0;
    }

    /**
     * The witness's SA states; the tunnels a slice left out (they never act on the packet) are down when every tunnel
     * of the question is, else up.
     */
    private static SaStates statesOf(FatePair<?, ?> pair, Map<String, BigInteger> values) {
        SaStates decoded = PacketInput.decodeStates(pair.before, values, "");
        boolean everyDown = !pair.before.tunnels().isEmpty()
                && pair.before.tunnels().stream().noneMatch(t -> decoded.isUp(t.ref()));
        SaStates states = everyDown ? SaStates.allDown() : SaStates.allUp();
        for (CompiledTunnel tunnel : pair.before.tunnels())
            states = states.with(tunnel.ref(), decoded.isUp(tunnel.ref()));
        for (CompiledTunnel tunnel : pair.after.tunnels()) {
            if (pair.before.tunnelIndex(tunnel.ref()) != 0) continue;
            BigInteger up =
                    values.getOrDefault(FatePair.AFTER_PREFIX + PacketInput.SA_UP + tunnel.index(), BigInteger.ZERO);
            states = states.with(tunnel.ref(), up.signum() != 0);
        }
        return states;
    }

    /** Replays the witness on both versions, confirms the difference, and records it with its class. */
    private <B, V> FateKey report(FatePair<B, V> pair, Map<String, BigInteger> values, List<FateKey> found, B within) {
        ConcretePacket packet = pair.witnessPacket(values);
        SaStates states = statesOf(pair, values);
        PacketTrace before = Datapath.replay(pair.beforeWhole, packet, states);
        PacketTrace after = Datapath.replay(pair.afterWhole, packet, states);
        FateKey key = FateKey.of(before, after);
        if (!inSlice(pair.before, before) || !inSlice(pair.after, after)) {
            throw new ReplayDisagreement(
                    WHICH_PACKETS, "is " + packet + ", whose replay names a tunnel the slice of the question left out");
        }
        if (Fates.same(before, after) || found.contains(key)) {
            throw new ReplayDisagreement(
                    WHICH_PACKETS,
                    "is " + packet + " (" + states.describe() + "), which replays as "
                            + FateDifference.fate(before) + " before and " + FateDifference.fate(after) + " after"
                            + (found.contains(key) ? ", a class already reported" : ", no difference"));
        }
        // a class at another ingress that changes the same way usually has the same widest lengths: try them first
        String sameWay = FateKey.Side.of(before) + "|" + FateKey.Side.of(after) + "|" + states;
        SpaceSearch<B, V> search = new SpaceSearch<>(pair, key, packet, states, within);
        AffectedSpace affected = search.widest(lengths.get(sameWay));
        lengths.put(sameWay, search.lengths);
        List<ChangedNode> causes = changes.relatedTo(locations(before), locations(after));
        FateDifference difference = new FateDifference(
                beforeFile,
                afterFile,
                before,
                after,
                saState(pair, states),
                affected,
                causes,
                List.of(packet.ingress()),
                peerPacket(pair, packet));
        for (int i = 0; i < differences.size(); i++) {
            if (differences.get(i).sameChangeAs(difference)) {
                differences.set(i, differences.get(i).alsoArriving(packet.ingress()));
                return key;
            }
        }
        differences.add(difference);
        return key;
    }

    /**
     * What the packet is when it is a tunnel peer's IKE (udp to port 500), NAT-T (udp to 4500) or ESP, from the
     * peer's address to the router's endpoint of that tunnel, in either version; else null.
     */
    private static String peerPacket(FatePair<?, ?> pair, ConcretePacket packet) {
        String kind;
        if (packet.protocol() == ProtocolMatch.ESP) kind = "ESP";
        else if (packet.protocol() == ProtocolMatch.UDP && packet.dstPort() == 500) kind = "IKE";
        else if (packet.protocol() == ProtocolMatch.UDP && packet.dstPort() == 4500) kind = "NAT-T";
        else return null;
        for (CompiledRouter router : List.of(pair.beforeWhole, pair.afterWhole)) {
            for (CompiledTunnel tunnel : router.tunnels()) {
                IPAddress remote = tunnel.remoteEndpoint();
                IPAddress local = tunnel.localEndpoint();
                if (remote == null || local == null) continue;
                if (remote.withoutPrefixLength().equals(packet.src().withoutPrefixLength())
                        && local.withoutPrefixLength().equals(packet.dst().withoutPrefixLength())) {
                    return kind + " of peer " + tunnel.ref().peer() + " (" + remote.toCompressedString() + ")";
                }
            }
        }
        return null;
    }

    private static List<SourceLocation> locations(PacketTrace trace) {
        return trace.steps().stream()
                .map(TraceStep::location)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** "up", "down", or the tunnels that are down. */
    private static String saState(FatePair<?, ?> pair, SaStates states) {
        Set<TunnelRef> tunnels = new LinkedHashSet<>();
        pair.before.tunnels().forEach(t -> tunnels.add(t.ref()));
        pair.after.tunnels().forEach(t -> tunnels.add(t.ref()));
        List<String> down = tunnels.stream()
                .filter(t -> !states.isUp(t))
                .map(TunnelRef::toString)
                .toList();
        if (down.isEmpty()) return "up";
        if (down.size() == tunnels.size()) return "down";
        return "down for " + String.join(", ", down) + ", up for the others";
    }

    /**
     * The widest space around a witness whose every packet is in the witness's class: the shortest destination
     * prefix (source fixed), then the shortest source prefix (those destinations), then whether protocol and ports
     * matter. Each widening is a proof (UNSAT of "a packet in the space outside the class"); the prefixes shrink
     * monotonically, so a binary search on the prefix length finds the widest.
     */
    private final class SpaceSearch<B, V> {
        private final FatePair<B, V> pair;
        private final SymbolicAlgebra<B, V> algebra;
        private final ConcretePacket packet;
        private final AddressFamily family;
        private final B fixed;
        private final B outside;
        private boolean widest = true;

        SpaceSearch(FatePair<B, V> pair, FateKey key, ConcretePacket packet, SaStates states, B within) {
            this.pair = pair;
            this.algebra = pair.algebra;
            this.packet = packet;
            this.family = pair.before.family();
            B same = pair.arrivesBy(packet.ingress());
            for (CompiledTunnel tunnel : pair.before.tunnels()) {
                same = algebra.and(same, sa(pair.beforeInput.saUp(tunnel.index()), states.isUp(tunnel.ref())));
            }
            for (CompiledTunnel tunnel : pair.after.tunnels()) {
                if (pair.before.tunnelIndex(tunnel.ref()) != 0) continue;
                same = algebra.and(same, sa(pair.afterInput.saUp(tunnel.index()), states.isUp(tunnel.ref())));
            }
            this.fixed = algebra.and(same, pair.sameWanChoice(packet));
            // outside the question's space the sliced versions say nothing: such a packet is not proved in the class
            this.outside = algebra.or(algebra.not(within), algebra.not(algebra.and(pair.inClass(key), pair.differs())));
        }

        /** The lengths found, for {@link #widest(int[])} of the next class that changes the same way. */
        int[] lengths;

        /** {@code hint}: the source and destination lengths of a class that changed the same way, or null. */
        AffectedSpace widest(int[] hint) {
            Header<V> header = pair.beforeInput.header();
            B protocol = algebra.eq(header.protocol(), algebra.bits(packet.protocol(), Header.PROTOCOL_WIDTH));
            B ports = algebra.and(
                    algebra.eq(header.srcPort(), algebra.bits(packet.srcPort(), Header.PORT_WIDTH)),
                    algebra.eq(header.dstPort(), algebra.bits(packet.dstPort(), Header.PORT_WIDTH)));
            B traffic = algebra.and(protocol, ports);
            B source = AddressTerms.is(algebra, family, header.src(), packet.src());
            int destinationLength = shortest(
                    length -> algebra.and(algebra.and(traffic, source), inPrefix(header.dst(), packet.dst(), length)),
                    hint == null ? -1 : hint[1]);
            B destinations = inPrefix(header.dst(), packet.dst(), destinationLength);
            int sourceLength = shortest(
                    length -> algebra.and(
                            algebra.and(traffic, destinations), inPrefix(header.src(), packet.src(), length)),
                    hint == null ? -1 : hint[0]);
            lengths = new int[] {sourceLength, destinationLength};
            B addresses = algebra.and(inPrefix(header.src(), packet.src(), sourceLength), destinations);
            String trafficText;
            if (allInClass(addresses)) trafficText = "any protocol";
            else if (allInClass(algebra.and(addresses, protocol))) trafficText = ProtocolMatch.name(packet.protocol());
            else
                trafficText = packet.header().hasPorts()
                        ? ProtocolMatch.name(packet.protocol()) + " " + packet.srcPort() + " → " + packet.dstPort()
                        : ProtocolMatch.name(packet.protocol());
            return new AffectedSpace(
                    prefixText(packet.src(), sourceLength),
                    prefixText(packet.dst(), destinationLength),
                    trafficText,
                    widest);
        }

        /**
         * The shortest prefix length whose space is proved in the class (the full length holds: the witness); the
         * lengths are monotone (a prefix inside a proved one is proved), so the answer is unique and a hint only
         * saves checks.
         */
        private int shortest(IntFunction<B> space, int hint) {
            // the shortest proved length is the hint exactly when the hint is proved and one bit shorter is not
            if (hint >= 0 && allInClass(space.apply(hint)) && (hint == 0 || !allInClass(space.apply(hint - 1))))
                return hint;
            int low = 0;
            int high = family.width();
            while (low < high) {
                int middle = (low + high) / 2;
                if (allInClass(space.apply(middle))) high = middle;
                else low = middle + 1;
            }
            return high;
        }

        private boolean allInClass(B space) {
            QueryResult result = pair.query.check(algebra.and(algebra.and(fixed, space), outside), List.of());
            if (result instanceof QueryResult.Unknown unknown) {
                widest = false;
                notes.add(UndecidedNote.solverGaveUpText(
                        "packets beyond the prefixes reported for " + packet + " change fate too", unknown.reason()));
            }
            return result instanceof QueryResult.Proved;
        }

        private B inPrefix(V address, IPAddress host, int length) {
            return AddressTerms.inPrefix(algebra, family, address, host.toPrefixBlock(length));
        }

        private B sa(B state, boolean up) {
            return up ? state : algebra.not(state);
        }

        private String prefixText(IPAddress host, int length) {
            if (length == 0) return "any address";
            if (length == family.width()) return host.withoutPrefixLength().toCompressedString();
            return host.toPrefixBlock(length).toCompressedString();
        }
    }
}
