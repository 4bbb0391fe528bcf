package org.vpnlint.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import org.vpnlint.model.FirewallAction;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.model.LoadBalancedWan;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.ProtocolMatch;

/**
 * The Linux data path for one packet, written once over the header algebra
 * (docs/semantics/netfilter-and-xfrm-order.md#order-at-a-glance):
 * <pre>
 * forwarded: PREROUTING policy routing (mark) → PREROUTING DNAT → route (marked table first) → fwd policy check (arrival addresses) → lookup 1 (post-DNAT, pre-SNAT)
 *            → FORWARD filter → POSTROUTING SNAT → lookup 2 if source-NATed (it decides) → encrypt | transmit
 * local:     route (socket) + lookup 1 at route time → OUTPUT load balancing (mark, route again) → OUTPUT DNAT → OUTPUT filter
 *            → POSTROUTING SNAT → lookup 2 → ...
 * decrypted: inner PREROUTING DNAT (iif = the ESP's interface) → route → fwd/in check (NAT undone) → as forwarded
 * to a local address: INPUT filter → in policy check → delivered
 * encrypted: outer packet → OUTPUT filter → POSTROUTING SNAT (e.g. masquerade) → leaves towards the peer
 * </pre>
 * Every stage runs for every packet as terms; a packet that already has its verdict just ignores the later
 * stages ({@code pending} is false). Each step is reported to the sink with the condition under which the
 * packet takes it, so a concrete run records exactly the path its packet took.
 *
 * <p>Work that a known condition makes irrelevant is skipped (see {@link HeaderAlgebra#truthOf}): a filter hook
 * the packet surely does not pass, the tunnels an ingress surely is not, table entries after one that surely
 * matches ({@link FirstMatch}) or whose addresses surely fail ({@link CompiledConditions}). A replay
 * ({@link #fate}) also stops once the fate is known. For a concrete packet this leaves a few table entries per
 * stage; a symbolic run builds the same terms as before.
 */
final class Pipeline<B, V> {

    private static final IPAddress LOOPBACK_FIRST = new IPAddressString("127.0.0.0").getAddress();
    private static final IPAddress LOOPBACK_LAST = new IPAddressString("127.255.255.255").getAddress();

    private final HeaderAlgebra<B, V> algebra;
    private final CompiledRouter router;
    private final AddressFamily family;
    private final PacketInput<B, V> input;
    private final StepSink<B> sink;
    private final PolicyLookup<B, V> policies;
    private final RouteLookup<B, V> routes;

    // what the stages learn about the packet, in the order they learn it
    private final Header<V> arrival;
    private final B generatedLocally;
    private B decrypted;
    private B decryptedByPolicy;
    private B decryptedByTunnelModePolicy;
    private V decryptedBy;
    private V arrivedOn;
    private HeaderPredicates<B, V> arrivalMatch;
    private V routingTable;
    private V balancerNatEgress;
    private V policyRule;
    private V ownBalancingRule;
    private Header<V> routed;
    private HeaderPredicates<B, V> routedMatch;
    private B localDestination;
    private B forwarded;
    private V routeEgress;
    // netfilter's `out` from lookup 1 on: a packet with an SA carries the xfrm bundle as its route (ip_forward,
    // ip_route_output_flow), and the bundle's device is not always the route's
    private V hookEgress;
    private PolicyHit<B, V> inbound;
    private PolicyHit<B, V> first;
    private Header<V> translated;
    private B sourceNatted;
    private V sourceNatRule;
    private B encrypted;
    private V encryptingTunnel;
    private V outerEgress;
    private Header<V> outerFinal;

    /** Whether the run stops once the fate is known ({@link #fate}), so that what only later stages read may stay unset. */
    private boolean untilDecided;

    // the packet's fate so far
    private B pending;
    private V verdict;
    private V dropReason;
    private V fateTunnel;
    private V fateEgress;
    private Header<V> fateHeader;

    Pipeline(HeaderAlgebra<B, V> algebra, CompiledRouter router, PacketInput<B, V> input, StepSink<B> sink) {
        if (input.saUp().size() != router.tunnels().size()) {
            throw new IllegalArgumentException(
                    "need one SA state per tunnel: " + router.tunnels().size());
        }
        this.algebra = algebra;
        this.router = router;
        this.family = router.family();
        this.input = input;
        this.sink = sink;
        this.policies = new PolicyLookup<>(algebra, router, input.saUp());
        this.routes = new RouteLookup<>(algebra, router, policies, input.saUp());
        this.pending = algebra.bool(true);
        this.verdict = algebra.bits(Verdict.DROPPED.code(), Verdict.WIDTH);
        this.dropReason = algebra.bits(DropReason.NONE.code(), DropReason.WIDTH);
        this.fateTunnel = index(0);
        this.fateEgress = index(0);
        this.fateHeader = input.header();
        this.arrival = input.header();
        this.generatedLocally = algebra.eq(input.ingress(), index(0));
    }

    /** Every stage, for every packet the input allows. */
    Outcome<B, V> run() {
        runStages(false);
        return new Outcome<>(
                verdict,
                dropReason,
                fateTunnel,
                fateEgress,
                fateHeader,
                outerFinal,
                routed,
                first,
                sourceNatted,
                translated,
                sourceNatRule,
                wellFormed());
    }

    /**
     * The stages until the packet's fate is surely decided, for a replay: the later stages record no step and
     * change no part of the fate, so they need not run (a packet delivered locally skips source NAT, for one).
     */
    Fate<V> fate() {
        runStages(true);
        return new Fate<>(verdict, dropReason, fateTunnel, fateEgress, fateHeader, outerFinal);
    }

    private void runStages(boolean untilDecided) {
        this.untilDecided = untilDecided;
        List<Runnable> stages = List.of(
                this::decrypt,
                this::policyRouting,
                this::prerouting,
                this::route,
                this::ownConnectionBalancing,
                () -> inboundPolicyCheck(forwarded, Stage.POLICY_CHECK_FWD),
                this::firstLookup,
                this::outputHook,
                this::forwardFilter,
                this::localDelivery,
                this::postrouting,
                this::secondLookup,
                this::encrypt,
                this::transmit);
        for (Runnable stage : stages) {
            if (untilDecided && surelyNot(pending)) return;
            stage.run();
        }
    }

    // ---- the stages, in kernel order ---------------------------------------------------------------------------

    /** Ingress n+k means "decrypted by tunnel k": the ESP packet arrived on the interface facing that peer. */
    private void decrypt() {
        int interfaceCount = router.interfaces().size();
        V tunnelIndex = index(0);
        V inboundInterface = input.ingress();
        B byAnyTunnel = algebra.bool(false);
        B saUp = algebra.bool(false);
        B byAnyPolicyTunnel = algebra.bool(false);
        B byAnyTunnelModePolicy = algebra.bool(false);
        for (CompiledTunnel tunnel : tunnelsPossiblyDecrypting(interfaceCount)) {
            B byThis = algebra.eq(input.ingress(), index(interfaceCount + tunnel.index()));
            if (surelyNot(byThis)) continue;
            byAnyTunnel = algebra.or(byAnyTunnel, byThis);
            saUp = algebra.or(saUp, algebra.and(byThis, input.saUp().get(tunnel.index() - 1)));
            tunnelIndex = algebra.ifBits(byThis, index(tunnel.index()), tunnelIndex);
            // a VTI's packets come out of the VTI interface; policy-based ones re-enter on the ESP's interface
            int interfaceIndex =
                    tunnel.vtiInterface() == null ? tunnel.outerEgress() : router.interfaceIndex(tunnel.vtiInterface());
            inboundInterface = algebra.ifBits(byThis, index(interfaceIndex), inboundInterface);
            if (tunnel.vtiInterface() == null) byAnyPolicyTunnel = algebra.or(byAnyPolicyTunnel, byThis);
            if (tunnel.vtiInterface() == null && !tunnel.transportMode()) {
                byAnyTunnelModePolicy = algebra.or(byAnyTunnelModePolicy, byThis);
            }
        }
        decrypted = byAnyTunnel;
        decryptedByPolicy = byAnyPolicyTunnel;
        decryptedByTunnelModePolicy = byAnyTunnelModePolicy;
        decryptedBy = tunnelIndex;
        arrivedOn = inboundInterface;
        sink.step(active(decrypted), () -> decryption(decryptedBy, arrivedOn));
        end(
                algebra.and(decrypted, algebra.not(saUp)),
                Verdict.DROPPED,
                DropReason.NO_INBOUND_SA,
                arrival,
                arrivedOn,
                decryptedBy);
    }

    /** The tunnels whose decrypted traffic the ingress may be: all of them, or for a known ingress at most one. */
    private List<CompiledTunnel> tunnelsPossiblyDecrypting(int interfaceCount) {
        BigInteger known = algebra.valueOf(input.ingress());
        if (known == null) return router.tunnels();
        long tunnel = known.longValue() - interfaceCount;
        return tunnel >= 1 && tunnel <= router.tunnels().size() ? List.of(router.tunnelAt((int) tunnel)) : List.of();
    }

    /**
     * Policy routing in mangle PREROUTING (priority -150, so before destination NAT, on the header as it arrived):
     * among the rules of the rulesets bound to the input interface, the first that matches and steers decides.
     * {@code set table N} marks the packet for table N, which the route lookup then consults first (VyOS's ip rule
     * at pref N); {@code set table main} and {@code accept} leave the lookup as it was; {@code drop} drops. The
     * router's own packets do not pass PREROUTING; decrypted packets pass it again on their inbound interface.
     */
    private void policyRouting() {
        arrivalMatch = new HeaderPredicates<>(algebra, router, arrival);
        routingTable = index(0);
        balancerNatEgress = index(0);
        policyRule = index(0);
        List<CompiledPolicyRule> rules = router.policyRouting();
        B arriving = algebra.not(generatedLocally);
        if (rules.isEmpty() || surelyNot(arriving)) return;
        Marking<B, V> marking =
                firstMarkingRule(rules, new InterfacePredicates<>(algebra, router, arrivedOn), arriving, arrivalMatch);
        routingTable = marking.table();
        balancerNatEgress = marking.balancerNat();
        policyRule = marking.position();
        V decided = marking.position();
        sink.step(active(algebra.not(algebra.eq(decided, index(0)))), () -> policyRouteStep(decided));
        end(marking.dropped(), Verdict.DROPPED, DropReason.POLICY_ROUTE_DROP, arrival, index(0), index(0));
    }

    /**
     * What the first matching rule of a marking chain (mangle PREROUTING's policy routing, or the load balancer's
     * chain in mangle OUTPUT) does: the table it marks for (0: none), the WAN whose address the load balancer
     * translates to (0: none), its position from 1 (0: no rule matched), and whether it drops the packet.
     */
    private record Marking<B, V>(V table, V balancerNat, V position, B dropped) {}

    private Marking<B, V> firstMarkingRule(
            List<CompiledPolicyRule> rules, InterfacePredicates<B, V> side, B eligible, HeaderPredicates<B, V> match) {
        FirstMatch<B> scan = new FirstMatch<>(algebra);
        for (int i = 0; i < rules.size() && !scan.decided(); i++) {
            CompiledPolicyRule rule = rules.get(i);
            B bound = side.matches(rule.boundTo());
            if (surelyNot(bound)) continue;
            scan.offer(
                    i,
                    algebra.and(
                            eligible,
                            algebra.and(bound, match.matches(rule.rule().match()))));
        }
        CompiledPolicyRule winner = scan.decided() ? rules.get(scan.winner()) : null;
        V table = winner == null ? index(0) : tableOf(winner);
        V balancerNat = winner == null ? index(0) : balancerNatOf(winner);
        V position = index(scan.winner() + 1);
        B dropped = algebra.bool(winner != null && winner.rule().action() == PolicyRouteAction.DROP);
        for (int k = scan.undecided() - 1; k >= 0; k--) {
            CompiledPolicyRule rule = rules.get(scan.position(k));
            B hit = scan.condition(k);
            table = algebra.ifBits(hit, tableOf(rule), table);
            balancerNat = algebra.ifBits(hit, balancerNatOf(rule), balancerNat);
            position = algebra.ifBits(hit, index(scan.position(k) + 1), position);
            dropped = algebra.ifBool(hit, algebra.bool(rule.rule().action() == PolicyRouteAction.DROP), dropped);
        }
        return new Marking<>(table, balancerNat, position, dropped);
    }

    /**
     * The table a rule marks the packet for: its own, or for a load-balancing rule the table of the WAN the load
     * balancer chose ({@link PacketInput#wan}; a choice outside the group means its first WAN).
     */
    private V tableOf(CompiledPolicyRule rule) {
        if (!rule.balances()) return index(rule.table());
        List<LoadBalancedWan> wans = rule.group().wans();
        V table = index(wans.get(0).table());
        if (input.wan() == null) return table;
        for (int i = wans.size() - 1; i >= 1; i--) {
            table = algebra.ifBits(chose(wans.get(i)), index(wans.get(i).table()), table);
        }
        return table;
    }

    /** For a load balancer that source-NATs its connections: the chosen WAN's interface index, otherwise 0. */
    private V balancerNatOf(CompiledPolicyRule rule) {
        if (!rule.balances() || !rule.group().sourceNat()) return index(0);
        List<LoadBalancedWan> wans = rule.group().wans();
        V egress = index(router.interfaceIndex(wans.get(0).interfaceName()));
        if (input.wan() == null) return egress;
        for (int i = wans.size() - 1; i >= 1; i--) {
            egress = algebra.ifBits(
                    chose(wans.get(i)), index(router.interfaceIndex(wans.get(i).interfaceName())), egress);
        }
        return egress;
    }

    private B chose(LoadBalancedWan wan) {
        return algebra.eq(input.wan(), index(router.interfaceIndex(wan.interfaceName())));
    }

    /** PREROUTING destination NAT on the inbound interface; the router's own packets do not pass PREROUTING. */
    private void prerouting() {
        NatOutcome<B, V> dnat = NatChain.evaluate(
                algebra,
                family,
                router.destinationNat(),
                router.conditions().destinationNat(),
                arrivalMatch,
                new InterfacePredicates<>(algebra, router, arrivedOn),
                algebra.bits(family.unknownAddress(), family.width()));
        routed = Header.choose(algebra, generatedLocally, arrival, dnat.header());
        routedMatch = new HeaderPredicates<>(algebra, router, routed);
        sink.step(
                active(algebra.not(generatedLocally)),
                () -> translation(Stage.PREROUTING_DNAT, router.destinationNat(), dnat, arrival));
    }

    /** The FIB lookup on the post-DNAT destination (for the router's own packets: at socket time). */
    private void route() {
        RouteDecision<B, V> route = routes.lookup(routedMatch, routingTable);
        sink.step(pending, () -> routeStep(route));
        localDestination = routeKind(route, RouteEntry.Kind.LOCAL);
        forwarded = algebra.and(algebra.not(generatedLocally), algebra.not(localDestination));
        routeEgress = route.egress();
        end(
                algebra.eq(route.kind(), algebra.bits(RouteLookup.NONE, RouteLookup.KIND_WIDTH)),
                Verdict.UNREACHABLE,
                DropReason.NO_ROUTE,
                routed,
                index(0),
                index(0));
        end(
                routeKind(route, RouteEntry.Kind.BLACKHOLE),
                Verdict.DROPPED,
                DropReason.BLACKHOLE_ROUTE,
                routed,
                index(0),
                index(0));
        end(
                routeKind(route, RouteEntry.Kind.REJECT),
                Verdict.DROPPED,
                DropReason.REJECT_ROUTE,
                routed,
                index(0),
                index(0));
    }

    /**
     * The load balancer's chain for the router's own new connections, in mangle OUTPUT (VyOS
     * {@code enable-local-traffic}, EdgeOS {@code lb-local enable}; docs/semantics/wan-load-balancing.md). It runs
     * after the socket's route, so a rule's condition on the outbound interface reads that route's choice; ICMP and
     * loopback pass unmarked first. The first rule that matches decides: an exclude leaves the connection alone; a
     * balancing rule marks it for the chosen WAN ({@link PacketInput#wan}), and since mangle OUTPUT is a route
     * hook the kernel routes the packet again with the mark (ip_route_me_harder), by that WAN's table; the source
     * the socket chose stays, and the balancer's source NAT (if it has one) translates it in POSTROUTING. The
     * policy lookup the re-routing repeats sees the same header, so lookup 1 stands.
     */
    private void ownConnectionBalancing() {
        ownBalancingRule = index(0);
        List<CompiledPolicyRule> rules = router.ownConnectionBalancing();
        if (rules.isEmpty()) return; // builds no term: a router without the chain is evaluated as before
        B sent = algebra.and(generatedLocally, algebra.not(localDestination));
        if (surelyNot(active(sent))) return;
        B passesFirst = algebra.or(
                algebra.eq(routed.protocol(), algebra.bits(ProtocolMatch.ICMP, Header.PROTOCOL_WIDTH)),
                algebra.and(loopback(routed.src()), loopback(routed.dst())));
        B eligible = algebra.and(active(sent), algebra.not(passesFirst));
        // the socket's route is already the SA's bundle, so mangle OUTPUT's `out` is the bundle's device
        Marking<B, V> marking = firstMarkingRule(
                rules,
                new InterfacePredicates<>(algebra, router, bundleEgress(firstHit(), routeEgress)),
                eligible,
                routedMatch);
        V table = marking.table();
        V position = marking.position();
        B marked = algebra.not(algebra.eq(table, index(0)));
        RouteDecision<B, V> again = routes.lookup(routedMatch, table);
        B reachable = routeKind(again, RouteEntry.Kind.FORWARD);
        V before = routeEgress;
        routeEgress = algebra.ifBits(marked, again.egress(), routeEgress);
        routingTable = algebra.ifBits(marked, table, routingTable);
        balancerNatEgress = algebra.ifBits(marked, marking.balancerNat(), balancerNatEgress);
        ownBalancingRule = position;
        V decided = position;
        sink.step(active(algebra.not(algebra.eq(position, index(0)))), () -> ownBalancingStep(decided, before));
        // nothing routes the marked packet (a WAN table of its own without a route, and none after it):
        // ip_route_me_harder fails and the packet is dropped
        end(
                algebra.and(marked, algebra.not(reachable)),
                Verdict.UNREACHABLE,
                DropReason.NO_ROUTE,
                routed,
                index(0),
                index(0));
    }

    /** An IPv4 address in 127.0.0.0/8 (the balancer's chain lets loopback connections pass). */
    private B loopback(V address) {
        if (family != AddressFamily.IPV4) return algebra.bool(false);
        return algebra.between(
                address,
                algebra.bits(family.valueOf(LOOPBACK_FIRST), family.width()),
                algebra.bits(family.valueOf(LOOPBACK_LAST), family.width()));
    }

    /**
     * The fwd (before FORWARD) or in (after INPUT) policy check, on the addresses as the packet arrived (NAT
     * undone): a cleartext packet matching an inbound policy is dropped; a decrypted one must match a policy of
     * the tunnel that decrypted it. Transport-mode tunnels have no fwd policy: the fwd check ignores their
     * selectors, and a packet they decrypted passes it unless another tunnel's policy claims it (the kernel lets
     * transport-mode-only packets through when no policy matches). Reported when it decides something: for
     * decrypted packets, and for cleartext ones that match a policy.
     */
    private void inboundPolicyCheck(B applies, Stage stage) {
        if (surelyNot(applies)) return; // every step and end below is conditioned on it
        boolean forwardCheck = stage == Stage.POLICY_CHECK_FWD;
        PolicyHit<B, V> hit = forwardCheck ? forwardHit() : inboundHit();
        B needsPolicy = forwardCheck ? decryptedByTunnelModePolicy : decryptedByPolicy;
        sink.step(active(algebra.and(applies, algebra.or(needsPolicy, hit.matched()))), () -> inboundCheck(stage, hit));
        V egress = forwardCheck ? routeEgress : index(0);
        end(
                algebra.and(applies, algebra.and(algebra.not(decrypted), hit.matched())),
                Verdict.DROPPED,
                DropReason.CLEARTEXT_MATCHES_INBOUND_POLICY,
                routed,
                egress,
                hit.tunnel());
        // a VTI's SA is checked by its own catch-all policies (if_id), which the model does not list
        end(
                algebra.and(applies, algebra.and(needsPolicy, algebra.not(hit.matched()))),
                Verdict.DROPPED,
                DropReason.DECRYPTED_WITHOUT_POLICY,
                routed,
                egress,
                decryptedBy);
        end(
                algebra.and(
                        applies,
                        algebra.and(
                                algebra.and(decryptedByPolicy, hit.matched()),
                                algebra.not(algebra.eq(hit.tunnel(), decryptedBy)))),
                Verdict.DROPPED,
                DropReason.DECRYPTED_BY_WRONG_SA,
                routed,
                egress,
                decryptedBy);
    }

    /** The in policies matching the arrival addresses, shared by the fwd check when no tunnel is in transport mode. */
    private PolicyHit<B, V> inboundHit() {
        if (inbound == null) inbound = policies.inbound(arrivalMatch);
        return inbound;
    }

    private PolicyHit<B, V> forwardHit() {
        boolean transportTunnels = router.tunnels().stream().anyMatch(CompiledTunnel::transportMode);
        return transportTunnels ? policies.forward(arrivalMatch) : inboundHit();
    }

    /**
     * Lookup 1, post-DNAT and pre-SNAT (for the router's own packets at route time). A policy without SA drops
     * the packet here, before FORWARD and SNAT; a socket gets a blackhole route instead (same effect).
     */
    private void firstLookup() {
        B leaving = algebra.not(localDestination);
        // a replay of a packet for the router itself: the lookup decides nothing, and delivery ends the replay
        // before lookup 2 could read it
        hookEgress = routeEgress;
        if (untilDecided && surelyNot(leaving)) return;
        first = firstHit();
        hookEgress = bundleEgress(first, routeEgress);
        sink.step(active(leaving), () -> policyMatch(Stage.POLICY_LOOKUP, first, routed, null));
        B withoutState = algebra.and(leaving, algebra.and(first.matched(), algebra.not(first.withState())));
        end(
                algebra.and(withoutState, generatedLocally),
                Verdict.DROPPED,
                DropReason.SOCKET_POLICY_WITHOUT_SA,
                routed,
                routeEgress,
                first.tunnel());
        end(withoutState, Verdict.DROPPED, DropReason.POLICY_WITHOUT_SA, routed, routeEgress, first.tunnel());
    }

    /** Lookup 1's policies for the routed header, looked up once (mangle OUTPUT may need them first). */
    private PolicyHit<B, V> firstHit() {
        if (first == null) first = policies.outbound(routedMatch);
        return first;
    }

    /**
     * The device netfilter sees as {@code out} when the packet carries its SA's bundle as its route
     * (net/ipv4/ip_forward.c ip_forward → xfrm4_route_forward; for the router's own packets
     * ip_route_output_flow → xfrm_lookup_route). The bundle's device is that of its path route
     * (net/xfrm/xfrm_policy.c xfrm_bundle_create, xfrm_fill_dst): for a tunnel-mode SA the route to the peer,
     * looked up without the packet's mark, so the tunnel's own interface; for a transport-mode SA the packet's own
     * route. Without a policy with state (no SA: no bundle) it is the route's egress. A tunnel whose interface
     * the model does not know keeps the route's egress, as before this distinction.
     */
    private V bundleEgress(PolicyHit<B, V> hit, V egress) {
        B bundled = algebra.and(hit.matched(), hit.withState());
        if (surelyNot(bundled)) return egress;
        V device = perTunnel(
                hit.tunnel(),
                tunnel -> tunnel.vtiInterface() != null || tunnel.transportMode() || tunnel.outerEgress() == 0
                        ? null
                        : index(tunnel.outerEgress()),
                egress);
        return algebra.ifBits(bundled, device, egress);
    }

    /** The router's own packets: OUTPUT destination NAT (none: VyOS renders none) and the OUTPUT filter. */
    private void outputHook() {
        B destinationRulesExist = algebra.bool(!router.destinationNat().isEmpty());
        sink.step(
                active(algebra.and(generatedLocally, destinationRulesExist)),
                () -> new TraceStep.OwnPacketNotTranslated(concrete(routed)));
        if (surelyNot(generatedLocally)) return; // the filter's outcome counts only for the router's own packets
        FilterEvaluation<B, V> filter = new FilterEvaluation<>(
                algebra,
                router,
                routedMatch,
                null,
                new InterfacePredicates<>(algebra, router, hookEgress),
                algebra.bool(false));
        FilterOutcome<V> outcome = filter.output();
        sink.step(active(generatedLocally), () -> filterDecision(Stage.OUTPUT_FILTER, outcome, routed));
        end(
                algebra.and(generatedLocally, algebra.not(filter.accepted(outcome))),
                Verdict.DROPPED,
                DropReason.OUTPUT_FILTER,
                routed,
                routeEgress,
                index(0));
    }

    private void forwardFilter() {
        if (surelyNot(forwarded)) return; // the filter's outcome counts only for forwarded packets
        FilterEvaluation<B, V> filter = new FilterEvaluation<>(
                algebra,
                router,
                routedMatch,
                new InterfacePredicates<>(algebra, router, arrivedOn),
                new InterfacePredicates<>(algebra, router, hookEgress),
                decrypted);
        FilterOutcome<V> outcome = filter.forward();
        sink.step(active(forwarded), () -> filterDecision(Stage.FORWARD_FILTER, outcome, routed));
        end(
                algebra.and(forwarded, algebra.not(filter.accepted(outcome))),
                Verdict.DROPPED,
                DropReason.FORWARD_FILTER,
                routed,
                routeEgress,
                index(0));
    }

    /** To one of the router's addresses: INPUT filter, in policy check, delivered. */
    private void localDelivery() {
        if (surelyNot(localDestination)) return; // every step and end below is conditioned on it
        FilterEvaluation<B, V> filter = new FilterEvaluation<>(
                algebra, router, routedMatch, new InterfacePredicates<>(algebra, router, arrivedOn), null, decrypted);
        FilterOutcome<V> outcome = filter.input();
        sink.step(active(localDestination), () -> filterDecision(Stage.INPUT_FILTER, outcome, routed));
        end(
                algebra.and(localDestination, algebra.not(filter.accepted(outcome))),
                Verdict.DROPPED,
                DropReason.INPUT_FILTER,
                routed,
                index(0),
                index(0));
        inboundPolicyCheck(algebra.and(localDestination, algebra.not(generatedLocally)), Stage.POLICY_CHECK_IN);
        sink.step(active(localDestination), () -> new TraceStep.Delivery(concrete(routed)));
        end(localDestination, Verdict.LOCAL, DropReason.NONE, routed, index(0), index(0));
    }

    /**
     * POSTROUTING source NAT on the outbound interface as netfilter sees it ({@link #hookEgress}: the bundle's
     * device while lookup 1 holds an SA); the kernel looks up policies again if the source changed
     * (nf_xfrm_me_harder), from the packet's own route, so a packet no policy matches any more leaves by that.
     */
    private void postrouting() {
        NatOutcome<B, V> snat = NatChain.evaluate(
                algebra,
                family,
                router.sourceNat(),
                router.conditions().sourceNat(),
                routedMatch,
                new InterfacePredicates<>(algebra, router, hookEgress),
                interfaceAddress(hookEgress));
        // a load balancer's own source NAT runs ahead of the configured rules and, once it has translated the
        // connection, the kernel runs no later NAT rule for it (docs/semantics/wan-load-balancing.md)
        B balancerNats = algebra.not(algebra.eq(balancerNatEgress, index(0)));
        Header<V> toWan = new Header<>(
                interfaceAddress(balancerNatEgress),
                routed.dst(),
                routed.protocol(),
                routed.srcPort(),
                routed.dstPort());
        translated = Header.choose(algebra, balancerNats, toWan, snat.header());
        sourceNatRule = algebra.ifBits(balancerNats, index(router.sourceNat().size() + 1), snat.rule());
        sink.step(
                pending,
                () -> surely(balancerNats)
                        ? balancerTranslation(toWan)
                        : translation(Stage.POSTROUTING_SNAT, router.sourceNat(), snat, routed));
        sourceNatted = algebra.and(
                algebra.or(balancerNats, snat.translating()),
                algebra.not(algebra.and(
                        algebra.eq(translated.src(), routed.src()),
                        algebra.eq(translated.srcPort(), routed.srcPort()))));
    }

    /**
     * Lookup 2 on the translated header (nf_xfrm_me_harder): when it runs, it decides. Without state its error
     * drops the packet in POSTROUTING and goes back to the router's own sender (docs/semantics/kernel-facts.md).
     */
    private void secondLookup() {
        PolicyHit<B, V> second = policies.outbound(new HeaderPredicates<>(algebra, router, translated));
        sink.step(active(sourceNatted), () -> policyMatch(Stage.POLICY_LOOKUP_AFTER_SNAT, second, translated, first));
        B withoutState = algebra.and(sourceNatted, algebra.and(second.matched(), algebra.not(second.withState())));
        end(
                algebra.and(withoutState, generatedLocally),
                Verdict.DROPPED,
                DropReason.SOCKET_POLICY_WITHOUT_SA_AFTER_SNAT,
                translated,
                routeEgress,
                second.tunnel());
        end(
                withoutState,
                Verdict.DROPPED,
                DropReason.POLICY_WITHOUT_SA_AFTER_SNAT,
                translated,
                routeEgress,
                second.tunnel());
        B policyBundle = algebra.ifBool(sourceNatted, second.matched(), first.matched());
        V policyTunnel = algebra.ifBits(sourceNatted, second.tunnel(), first.tunnel());

        // route-based: leaving through a VTI means its SA encrypts (its routes exist only while the SA is up)
        V vtiTunnel = index(0);
        for (CompiledTunnel tunnel : router.tunnels()) {
            if (tunnel.vtiInterface() == null) continue;
            int vti = router.interfaceIndex(tunnel.vtiInterface());
            if (vti != 0)
                vtiTunnel = algebra.ifBits(algebra.eq(routeEgress, index(vti)), index(tunnel.index()), vtiTunnel);
        }
        encrypted = algebra.or(policyBundle, algebra.not(algebra.eq(vtiTunnel, index(0))));
        encryptingTunnel = algebra.ifBits(policyBundle, policyTunnel, vtiTunnel);
    }

    /** The ESP packet goes through OUTPUT and POSTROUTING of its own (a masquerade rule may rewrite it). */
    private void encrypt() {
        Header<V> outer = outerHeader(encryptingTunnel);
        outerEgress = outerEgress();
        sink.step(active(encrypted), () -> encryption(encryptingTunnel, outer));
        HeaderPredicates<B, V> outerMatch = new HeaderPredicates<>(algebra, router, outer);
        InterfacePredicates<B, V> outerOutbound = new InterfacePredicates<>(algebra, router, outerEgress);
        FilterEvaluation<B, V> filter =
                new FilterEvaluation<>(algebra, router, outerMatch, null, outerOutbound, algebra.bool(false));
        FilterOutcome<V> outcome = filter.output();
        sink.step(active(encrypted), () -> filterDecision(Stage.OUTER_OUTPUT, outcome, outer));
        end(
                algebra.and(encrypted, algebra.not(filter.accepted(outcome))),
                Verdict.DROPPED,
                DropReason.OUTER_OUTPUT_FILTER,
                translated,
                outerEgress,
                encryptingTunnel);
        NatOutcome<B, V> snat = NatChain.evaluate(
                algebra,
                family,
                router.sourceNat(),
                router.conditions().sourceNat(),
                outerMatch,
                outerOutbound,
                interfaceAddress(outerEgress));
        outerFinal = snat.header();
        sink.step(active(encrypted), () -> translation(Stage.OUTER_POSTROUTING, router.sourceNat(), snat, outer));
    }

    private void transmit() {
        B discarding = algebra.and(algebra.not(encrypted), discardingInterface(routeEgress));
        sink.step(pending, () -> transmission(discarding));
        end(discarding, Verdict.DROPPED, DropReason.DISCARD_INTERFACE, translated, routeEgress, index(0));
        end(encrypted, Verdict.ENCRYPTED, DropReason.NONE, translated, outerEgress, encryptingTunnel);
        end(algebra.bool(true), Verdict.CLEARTEXT, DropReason.NONE, translated, routeEgress, index(0));
    }

    // ---- the packet's fate -------------------------------------------------------------------------------------

    /** The condition for a step: the packet is still on its way and takes this branch. */
    private B active(B branch) {
        return algebra.and(pending, branch);
    }

    /** Ends the packet's way here when {@code when} holds and nothing ended it earlier. */
    private void end(B when, Verdict outcome, DropReason reason, Header<V> header, V egress, V tunnel) {
        B now = active(when);
        verdict = algebra.ifBits(now, algebra.bits(outcome.code(), Verdict.WIDTH), verdict);
        dropReason = algebra.ifBits(now, algebra.bits(reason.code(), DropReason.WIDTH), dropReason);
        fateTunnel = algebra.ifBits(now, tunnel, fateTunnel);
        fateEgress = algebra.ifBits(now, egress, fateEgress);
        fateHeader = Header.choose(algebra, now, header, fateHeader);
        pending = algebra.and(pending, algebra.not(when));
    }

    private B wellFormed() {
        Header<V> header = input.header();
        B ingressValid = algebra.ule(input.ingress(), index(router.ingressCount() - 1));
        B portsValid = algebra.or(
                header.hasPorts(algebra),
                algebra.and(
                        algebra.eq(header.srcPort(), algebra.bits(0, Header.PORT_WIDTH)),
                        algebra.eq(header.dstPort(), algebra.bits(0, Header.PORT_WIDTH))));
        return algebra.and(ingressValid, portsValid);
    }

    // ---- per-interface and per-tunnel values -----------------------------------------------------------------

    /** The address masquerade uses on this interface: its primary address, or the unknown marker if dynamic. */
    private V interfaceAddress(V interfaceIndex) {
        V address = algebra.bits(family.unknownAddress(), family.width());
        for (int i = router.interfaces().size(); i >= 1; i--) {
            var primary = router.primaryAddress(i);
            if (primary.isPresent()) {
                address = algebra.ifBits(
                        algebra.eq(interfaceIndex, index(i)),
                        algebra.bits(family.valueOf(primary.get()), family.width()),
                        address);
            }
        }
        return address;
    }

    /**
     * The interface the ESP packet leaves by. Tunnel mode: the tunnel's, whatever table policy routing marked the
     * inner packet for; the kernel routes the bundle's outer packet with mark 0 unless the SA carries an output
     * mark (net/xfrm/xfrm_policy.c, xfrm_bundle_create), and neither VyOS nor EdgeOS gives their SAs one.
     * Transport mode: the bundle keeps the packet's own route, so the ESP leaves where the packet was routed.
     */
    private V outerEgress() {
        return perTunnel(
                encryptingTunnel,
                tunnel -> tunnel.transportMode() && tunnel.vtiInterface() == null
                        ? routeEgress
                        : index(tunnel.outerEgress()),
                index(0));
    }

    /**
     * {@code value} of the tunnel whose index {@code tunnelIndex} holds; {@code otherwise} for none, and for a
     * tunnel whose value is null (no term is built for it).
     */
    private V perTunnel(V tunnelIndex, Function<CompiledTunnel, V> value, V otherwise) {
        V result = otherwise;
        for (CompiledTunnel tunnel : router.tunnels()) {
            V own = value.apply(tunnel);
            if (own == null) continue;
            B isThis = algebra.eq(tunnelIndex, index(tunnel.index()));
            if (!surelyNot(isThis)) result = algebra.ifBits(isThis, own, result);
        }
        return result;
    }

    private B discardingInterface(V interfaceIndex) {
        B discarding = algebra.bool(false);
        for (int i = 1; i <= router.interfaces().size(); i++) {
            InterfaceKind kind = router.interfaceAt(i).kind();
            if (kind == InterfaceKind.DUMMY || kind == InterfaceKind.LOOPBACK) {
                discarding = algebra.or(discarding, algebra.eq(interfaceIndex, index(i)));
            }
        }
        return discarding;
    }

    /**
     * The ESP packet: local-address → peer, protocol esp, or UDP 4500 both ways with forced UDP encapsulation.
     * An endpoint the model does not know (or of the other family) is the unknown marker.
     */
    private Header<V> outerHeader(V tunnelIndex) {
        V unknown = algebra.bits(family.unknownAddress(), family.width());
        Header<V> outer = new Header<>(
                unknown,
                unknown,
                algebra.bits(ProtocolMatch.ESP, Header.PROTOCOL_WIDTH),
                algebra.bits(0, Header.PORT_WIDTH),
                algebra.bits(0, Header.PORT_WIDTH));
        for (CompiledTunnel tunnel : router.tunnels()) {
            B isThis = algebra.eq(tunnelIndex, index(tunnel.index()));
            if (surelyNot(isThis)) continue;
            V src = tunnel.localEndpoint() != null && family.contains(tunnel.localEndpoint())
                    ? algebra.bits(family.valueOf(tunnel.localEndpoint()), family.width())
                    : unknown;
            V dst = tunnel.remoteEndpoint() != null && family.contains(tunnel.remoteEndpoint())
                    ? algebra.bits(family.valueOf(tunnel.remoteEndpoint()), family.width())
                    : unknown;
            int protocol = tunnel.udpEncapsulation() ? ProtocolMatch.UDP : ProtocolMatch.ESP;
            int port = tunnel.udpEncapsulation() ? 4500 : 0;
            Header<V> esp = new Header<>(
                    src,
                    dst,
                    algebra.bits(protocol, Header.PROTOCOL_WIDTH),
                    algebra.bits(port, Header.PORT_WIDTH),
                    algebra.bits(port, Header.PORT_WIDTH));
            outer = Header.choose(algebra, isThis, esp, outer);
        }
        return outer;
    }

    /**
     * A condition known to be false: a branch taken under it selects nothing, so loops over every tunnel skip it
     * (for a concrete packet all but one tunnel).
     */
    private boolean surelyNot(B condition) {
        return Boolean.FALSE.equals(algebra.truthOf(condition));
    }

    private B routeKind(RouteDecision<B, V> route, RouteEntry.Kind kind) {
        return algebra.eq(route.kind(), algebra.bits(RouteLookup.code(kind), RouteLookup.KIND_WIDTH));
    }

    private V index(int value) {
        return algebra.bits(value, CompiledRouter.INDEX_WIDTH);
    }

    // ---- the recorded steps (concrete runs only: they read values) ---------------------------------------------

    private int valueOf(V term) {
        BigInteger value = algebra.valueOf(term);
        return value == null ? -1 : value.intValue();
    }

    private ConcreteHeader concrete(Header<V> header) {
        return new ConcreteHeader(
                family.addressOf(algebra.valueOf(header.src())),
                family.addressOf(algebra.valueOf(header.dst())),
                valueOf(header.protocol()),
                valueOf(header.srcPort()),
                valueOf(header.dstPort()));
    }

    private boolean surely(B condition) {
        return Boolean.TRUE.equals(algebra.truthOf(condition));
    }

    /** The tunnel at this index as a step names it, or null for index 0 (none). */
    private TraceStep.Tunnel tunnelNamed(int index) {
        return index <= 0 ? null : TraceStep.Tunnel.of(router.tunnelAt(index));
    }

    private TraceStep.PacketStep decryption(V tunnelIndex, V arrivedOn) {
        CompiledTunnel tunnel = router.tunnelAt(valueOf(tunnelIndex));
        String peer = tunnel.remoteEndpoint() == null
                ? tunnel.ref().peer()
                : tunnel.remoteEndpoint().toCompressedString();
        boolean viaVti = tunnel.vtiInterface() != null;
        String innerIngress = viaVti ? tunnel.vtiInterface() : router.interfaceName(valueOf(arrivedOn));
        boolean saUp = algebra.truthOf(input.saUp().get(tunnel.index() - 1));
        return new TraceStep.Decryption(
                TraceStep.Tunnel.of(tunnel), peer, saUp, innerIngress, viaVti, concrete(arrival));
    }

    private TraceStep.PacketStep translation(
            Stage stage, List<CompiledNatRule> rules, NatOutcome<B, V> outcome, Header<V> before) {
        int position = valueOf(outcome.rule());
        TraceStep.NatRuleRef rule = position <= 0 ? null : TraceStep.NatRuleRef.of(rules.get(position - 1));
        return new TraceStep.Translation(
                stage, rule, surely(outcome.translating()), concrete(before), concrete(outcome.header()));
    }

    /**
     * The load balancer's source NAT, named by the load-balancing rule that marked the connection: a translation
     * step whose rule is that balancing rule.
     */
    private TraceStep.PacketStep balancerTranslation(Header<V> after) {
        CompiledPolicyRule rule = surely(generatedLocally)
                ? router.ownConnectionBalancing().get(valueOf(ownBalancingRule) - 1)
                : router.policyRouting().get(valueOf(policyRule) - 1);
        TraceStep.NatRuleRef balancer = new TraceStep.NatRuleRef(
                rule.rule().path() + " (the load balancer's source NAT for the connection it marked for "
                        + router.interfaceName(valueOf(balancerNatEgress)) + ", ahead of the NAT rules)",
                rule.rule().location());
        return new TraceStep.Translation(Stage.POSTROUTING_SNAT, balancer, true, concrete(routed), concrete(after));
    }

    private TraceStep.PacketStep routeStep(RouteDecision<B, V> route) {
        int position = valueOf(route.entry());
        if (position <= 0) return new TraceStep.Route(null, null, mark(), concrete(routed));
        RouteEntry entry = router.routes().get(position - 1);
        String egress = entry.kind() == RouteEntry.Kind.FORWARD && entry.egress() > 0
                ? router.interfaceName(entry.egress())
                : null;
        return new TraceStep.Route(entry, egress, mark(), concrete(routed));
    }

    /** The table policy routing marked the packet for and the rule that did, or null for an unmarked packet. */
    private TraceStep.TableMark mark() {
        int table = valueOf(routingTable);
        if (table <= 0) return null;
        CompiledPolicyRule rule = router.policyRouting().get(valueOf(policyRule) - 1);
        return new TraceStep.TableMark(table, TraceStep.PolicyRuleRef.of(rule));
    }

    private TraceStep.PacketStep policyRouteStep(V position) {
        CompiledPolicyRule rule = router.policyRouting().get(valueOf(position) - 1);
        if (rule.rule().action() != PolicyRouteAction.LOAD_BALANCE) {
            return new TraceStep.PolicyRouting(
                    TraceStep.PolicyRuleRef.of(rule), rule.rule().action(), rule.table(), null, concrete(arrival));
        }
        // the table is the chosen WAN's, not the rule's own
        TraceStep.Balancing balancing = new TraceStep.Balancing(
                rule.balances(), chosenWan(rule), rule.balances() ? rule.group().path() : null);
        return new TraceStep.PolicyRouting(
                TraceStep.PolicyRuleRef.of(rule),
                PolicyRouteAction.LOAD_BALANCE,
                valueOf(routingTable),
                balancing,
                concrete(arrival));
    }

    /** The router's own connection met the load balancer's chain in OUTPUT; {@code before} is the socket's egress. */
    private TraceStep.PacketStep ownBalancingStep(V position, V before) {
        CompiledPolicyRule rule = router.ownConnectionBalancing().get(valueOf(position) - 1);
        TraceStep.Balancing balancing = rule.balances()
                ? new TraceStep.Balancing(true, chosenWan(rule), rule.group().path())
                : null;
        return new TraceStep.OwnConnectionBalancing(
                TraceStep.PolicyRuleRef.of(rule),
                balancing,
                valueOf(routingTable),
                router.interfaceName(valueOf(before)),
                router.interfaceName(valueOf(routeEgress)),
                concrete(routed));
    }

    /** The WAN whose table the packet was marked for. */
    private String chosenWan(CompiledPolicyRule rule) {
        if (!rule.balances()) return "-";
        int table = valueOf(routingTable);
        return rule.group().wans().stream()
                .filter(wan -> wan.table() == table)
                .map(LoadBalancedWan::interfaceName)
                .findFirst()
                .orElse("-");
    }

    private TraceStep.PacketStep inboundCheck(Stage stage, PolicyHit<B, V> hit) {
        TraceStep.Tunnel matched = surely(hit.matched())
                ? TraceStep.Tunnel.of(
                        router.policies().get(valueOf(hit.entry()) - 1).tunnel())
                : null;
        return new TraceStep.InboundCheck(
                stage, matched, tunnelNamed(valueOf(decryptedBy)), concrete(arrival), concrete(routed));
    }

    /** A policy lookup; {@code earlier} is lookup 1's hit, whose match a miss of lookup 2 discards. */
    private TraceStep.PacketStep policyMatch(
            Stage stage, PolicyHit<B, V> hit, Header<V> header, PolicyHit<B, V> earlier) {
        if (!surely(hit.matched())) {
            TraceStep.Tunnel discarded = earlier != null && surely(earlier.matched())
                    ? TraceStep.Tunnel.of(
                            router.policies().get(valueOf(earlier.entry()) - 1).tunnel())
                    : null;
            return new TraceStep.PolicyMatch(stage, null, false, List.of(), discarded, concrete(header));
        }
        PolicyEntry entry = router.policies().get(valueOf(hit.entry()) - 1);
        CompiledTunnel tunnel = entry.tunnel();
        List<String> trapSettings = entry.trap() ? tunnel.lifecycle().trapSettings() : List.of();
        int bundle = stage == Stage.POLICY_LOOKUP ? valueOf(hookEgress) : 0;
        int route = valueOf(routeEgress);
        boolean differs = bundle > 0 && route > 0 && bundle != route;
        return new TraceStep.PolicyMatch(
                stage,
                TraceStep.Tunnel.of(tunnel),
                entry.trap(),
                trapSettings,
                null,
                differs ? router.interfaceName(bundle) : null,
                differs ? router.interfaceName(route) : null,
                concrete(header));
    }

    private TraceStep.PacketStep filterDecision(Stage stage, FilterOutcome<V> outcome, Header<V> header) {
        FilterRuleRef rule = router.firewall().ref(valueOf(outcome.rule()));
        FirewallAction action = switch (valueOf(outcome.code())) {
            case FilterEvaluation.ACCEPT -> FirewallAction.ACCEPT;
            case FilterEvaluation.DROP -> FirewallAction.DROP;
            default -> FirewallAction.REJECT;
        };
        return new TraceStep.FilterDecision(stage, rule, action, concrete(header));
    }

    private TraceStep.PacketStep encryption(V tunnelIndex, Header<V> outer) {
        CompiledTunnel tunnel = router.tunnelAt(valueOf(tunnelIndex));
        return new TraceStep.Encryption(TraceStep.Tunnel.of(tunnel), tunnel.udpEncapsulation(), concrete(outer));
    }

    private TraceStep.PacketStep transmission(B discarding) {
        if (surely(discarding)) {
            NetInterface discarder = router.interfaceAt(valueOf(routeEgress));
            return new TraceStep.Discard(
                    discarder.name(), discarder.kind(), discarder.location(), concrete(translated));
        }
        if (surely(encrypted)) {
            return new TraceStep.EncryptedTransmission(
                    router.interfaceName(valueOf(outerEgress)),
                    concrete(outerFinal),
                    router.tunnelAt(valueOf(encryptingTunnel)).ref(),
                    concrete(translated));
        }
        NetInterface out = router.interfaceAt(valueOf(routeEgress));
        if (out.tunnel() != null) {
            // the model ends at the tunnel interface; the encapsulated packet is the router's own, replayed separately
            var settings = out.tunnel();
            return new TraceStep.Encapsulation(
                    out.name(),
                    settings.outerProtocol(),
                    settings.localAddress(),
                    settings.remoteAddress(),
                    out.location(),
                    concrete(translated));
        }
        return new TraceStep.CleartextTransmission(out.name(), concrete(translated));
    }
}
