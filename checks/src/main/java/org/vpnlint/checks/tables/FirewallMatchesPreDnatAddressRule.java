package org.vpnlint.checks.tables;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.ReplayDisagreement;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledNatRule;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.ConcreteHeader;
import org.vpnlint.datapath.ConcretePacket;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.FreshVariables;
import org.vpnlint.datapath.Header;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.RouteEntry;
import org.vpnlint.datapath.RuleMatch;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.ConnectionState;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallConfig;
import org.vpnlint.model.FirewallFamily;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.InterfaceMatch;
import org.vpnlint.model.Level;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.NetInterface;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.QueryResult;
import org.vpnlint.solver.Solver;
import org.vpnlint.solver.SymbolicQuery;

/**
 * A forward filter rule names a destination that destination NAT has already rewritten when the filter runs
 * (PREROUTING before FORWARD, docs/semantics/netfilter-and-xfrm-order.md#forwarded-packet-order), so it never matches
 * the traffic it was written for. For each forward rule with a destination address, the solver looks for a packet that
 * arrives for one of the router's own addresses, is rewritten by destination NAT to an address outside the rule's, and
 * that the rule (and the jumps into its chain) would have matched as it arrived; the packet is replayed to show the
 * rewrite. Only the router's own addresses count: a routed public address may be meant for other traffic too, and a
 * DHCP/PPPoE address is unknown.
 */
public final class FirewallMatchesPreDnatAddressRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("firewall-matches-pre-dnat-address")
            .title("Firewall rule matches the public address that destination NAT has already rewritten")
            .defaultLevel(Level.WARNING)
            .tags("firewall", "nat")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Finds forward filter rules whose destination address is the pre-NAT (public) address of port-forwarded "
                            + "traffic: the filter sees the translated address, so the rule never matches those packets.")
            .explanation("""
            On Linux, destination NAT runs in PREROUTING, before routing and before the forward filter. A \
            port-forwarded packet to 203.0.113.10:443 reaches `firewall ... forward` (or the `in` ruleset of its \
            interface) already addressed to the inside host, say 192.168.1.20:443. A rule written for the public \
            address (`destination address 203.0.113.10`) therefore never matches it: an accept meant to open the \
            port forward does nothing (the packet meets the default action), a drop meant to restrict it does not \
            restrict anything. Write the filter rule for the translated address and port.""")
            .badExample("rules/firewall-matches-pre-dnat-address/bad-forward-filter-1.4.set")
            .fixedExample("rules/firewall-matches-pre-dnat-address/good-edgeos-translated-address.set")
            .build();

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            FirewallConfig config = router.firewall() == null ? FirewallConfig.OPEN : router.firewall();
            for (AddressFamily family : AddressFamily.values()) {
                FirewallFamily chains = family == AddressFamily.IPV4 ? config.ipv4() : config.ipv6();
                if (chains == null) continue;
                CompiledRouter compiled = context.compiled(router, family);
                if (compiled.destinationNat().isEmpty()) continue;
                List<IPAddress> own = ownStaticAddresses(compiled);
                // rules naming one group share its list of ranges: it is searched for the addresses once
                Map<List<IPAddressSeqRange>, Boolean> namingOwn = new IdentityHashMap<>();
                CompiledRouter questions = null; // the router the questions are asked on, made for the first one
                for (Map.Entry<FirewallChain, List<List<FirewallRule>>> chain :
                        JumpPaths.fromAll(chains, chains.forwardChains()).entrySet()) {
                    for (FirewallRule rule : chain.getKey().rules()) {
                        if (rule.disabled() || !namesDestination(rule)) continue;
                        // namesDestination: not negated, so the answer depends on the list alone
                        if (!namingOwn.computeIfAbsent(
                                rule.match().destination().ranges(), ranges -> namesOneOf(rule, own))) continue;
                        if (questions == null) questions = withoutFiltersIfIrrelevant(compiled);
                        Finding finding = check(context.solver(), compiled, questions, chain.getValue(), rule);
                        if (finding != null) findings.add(finding);
                    }
                }
            }
        }
        return findings;
    }

    /** Only rules that name addresses (not "anything but") can be aimed at the pre-NAT one. */
    private static boolean namesDestination(FirewallRule rule) {
        return !rule.match().destination().isAny()
                && !rule.match().destination().negated();
    }

    /**
     * The router's own addresses that the question below may pick as the public one (static, enabled interfaces).
     * A rule whose destination holds none of them cannot be aimed at a port-forwarded address, so the solver is
     * not asked about it (on a large firewall almost no rule names the router's own address).
     */
    private static List<IPAddress> ownStaticAddresses(CompiledRouter router) {
        List<IPAddress> own = new ArrayList<>();
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled() || netInterface.dynamicAddress()) continue;
            for (IPAddress address : netInterface.addresses()) {
                if (router.family().contains(address)) own.add(address.withoutPrefixLength());
            }
        }
        return own;
    }

    private static boolean namesOneOf(FirewallRule rule, List<IPAddress> addresses) {
        for (IPAddress address : addresses) {
            if (rule.match().destination().matches(address)) return true;
        }
        return false;
    }

    /**
     * The router without its filter chains when no destination NAT rule can rewrite to one of the router's own
     * addresses, else the router itself. The question reads only the header after destination NAT and whether the
     * packet ends delivered locally: the forward and output filters never make a packet local, and the input
     * filter only sees packets whose destination (after the rewrite) is the router's own. Leaving the chains out
     * keeps thousands of filter rules out of every question; the replay still runs on the whole router.
     */
    private static CompiledRouter withoutFiltersIfIrrelevant(CompiledRouter router) {
        List<IPAddress> local = router.routes().stream()
                .filter(route -> route.kind() == RouteEntry.Kind.LOCAL)
                .map(route -> route.prefix().withoutPrefixLength())
                .toList();
        for (CompiledNatRule nat : router.destinationNat()) {
            NatTranslation translation = nat.rule().translation();
            if (translation == null || translation.kind() == NatTranslation.Kind.EXCLUDE) continue;
            if (translation.kind() != NatTranslation.Kind.ADDRESS) return router;
            if (translation.addresses() == null) continue; // a port-only rewrite keeps the destination address
            IPAddressSeqRange reach = translation.prefixMapLength() == null
                    ? translation.addresses()
                    : translation
                            .addresses()
                            .getLower()
                            .toPrefixBlock(translation.prefixMapLength())
                            .toSequentialRange();
            for (IPAddress address : local) {
                if (reach.contains(address)) return router;
            }
        }
        Router full = router.router();
        Router unfiltered = full.withConfiguration(full.nat(), null, full.ipsec());
        return CompiledRouter.compile(unfiltered, router.family());
    }

    private Finding check(
            Solver solver,
            CompiledRouter router,
            CompiledRouter questions,
            List<List<FirewallRule>> ways,
            FirewallRule rule) {
        QueryResult result;
        String purpose = METADATA.id() + ": " + (rule.path() == null ? "rule " + rule.number() : rule.path());
        try (SymbolicQuery<?, ?> query = solver.newQuery(purpose, TIMEOUT)) {
            result = ask(query, questions, ways, rule);
        }
        if (result instanceof QueryResult.Unknown unknown) {
            return UndecidedNote.solverGaveUp(
                    METADATA,
                    "destination NAT rewrites the packets " + purpose + " is meant for",
                    unknown.reason(),
                    rule.location(),
                    subjectOf(rule));
        }
        if (!(result instanceof QueryResult.Witness witness)) return null;
        ConcretePacket packet = PacketInput.decodePacket(router, witness.values(), "");
        SaStates states = PacketInput.decodeStates(router, witness.values(), "");
        ReplayedWitness replay = ReplayedWitness.of(Datapath.replay(router, packet, states));
        ConcreteHeader after = replay.afterDestinationNat();
        if (!replay.destinationTranslated()
                || !rule.match().destination().matches(packet.dst())
                || rule.match().destination().matches(after.dst())) {
            throw new ReplayDisagreement(purpose, replay.trace());
        }
        return UndecidedNote.unlessInexact(
                finding(router.router(), rule, replay, after), router.router(), replay.trace());
    }

    private static <B, V> QueryResult ask(
            SymbolicQuery<B, V> query, CompiledRouter router, List<List<FirewallRule>> ways, FirewallRule rule) {
        var algebra = query.algebra();
        PacketInput<B, V> input =
                PacketInput.fresh(router, FreshVariables.of(algebra::freshBits, algebra::freshBool), "");
        Outcome<B, V> outcome = Datapath.evaluate(algebra, router, input);
        query.require(outcome.wellFormed());
        // a packet from outside, on one of the router's interfaces
        V first = algebra.bits(1, CompiledRouter.INDEX_WIDTH);
        V last = algebra.bits(router.interfaces().size(), CompiledRouter.INDEX_WIDTH);
        query.require(algebra.between(input.ingress(), first, last));

        // the rule and the jumps into its chain, as the packet arrived (before destination NAT)
        InterfaceNames names = InterfaceNames.of(router.router(), interfaceConditions(ways, rule));
        RulePacket<B, V> arrived = new RulePacket<>(
                input.header(),
                input.ingress(),
                algebra.freshBits("out", RulePacket.INTERFACE_WIDTH),
                algebra.bool(false),
                algebra.bits(ConnectionState.NEW.ordinal(), RulePacket.STATE_WIDTH));
        ChainPacket<B, V> before = new ChainPacket<>(algebra, router.family(), arrived, names);
        query.require(before.wellFormed());
        query.require(before.at(ChainHook.FORWARD));
        B reached = algebra.bool(false);
        for (List<FirewallRule> way : ways) {
            B all = algebra.bool(true);
            for (FirewallRule jump : way) all = algebra.and(all, before.firewallRule(jump));
            reached = algebra.or(reached, all);
        }

        // the public address is the router's own: without destination NAT the packet would not be forwarded at all
        B toRouter = algebra.bool(false);
        for (NetInterface netInterface : router.interfaces()) {
            if (netInterface.disabled() || netInterface.dynamicAddress()) continue;
            for (IPAddress address : netInterface.addresses()) {
                if (!router.family().contains(address)) continue;
                V own = algebra.bits(
                        router.family().valueOf(address), router.family().width());
                toRouter = algebra.or(toRouter, algebra.eq(input.header().dst(), own));
            }
        }
        Header<V> translated = outcome.afterDestinationNat();
        B rewritten = algebra.and(
                toRouter,
                algebra.not(algebra.eq(translated.dst(), input.header().dst())));
        RuleMatch<B, V> afterNat = new RuleMatch<>(algebra, router.family(), translated);
        B missesAfter = algebra.not(afterNat.destinationIn(rule.match().destination()));
        B forwarded = algebra.not(outcome.verdictIs(algebra, Verdict.LOCAL));
        ReadableExample.prefer(query, input.header(), router.family());
        return query.check(algebra.and(
                algebra.and(reached, before.firewallRule(rule)),
                algebra.and(rewritten, algebra.and(missesAfter, forwarded))));
    }

    private static List<InterfaceMatch> interfaceConditions(List<List<FirewallRule>> ways, FirewallRule rule) {
        List<InterfaceMatch> conditions = new ArrayList<>(List.of(rule.inbound(), rule.outbound()));
        for (List<FirewallRule> way : ways) {
            for (FirewallRule jump : way) {
                conditions.add(jump.inbound());
                conditions.add(jump.outbound());
            }
        }
        return conditions;
    }

    private static Finding finding(Router router, FirewallRule rule, ReplayedWitness replay, ConcreteHeader after) {
        var dnatStep = replay.step(Stage.PREROUTING_DNAT);
        SourceLocation natLocation = dnatStep == null ? null : dnatStep.location();
        NatRule nat = router.nat() == null || natLocation == null
                ? null
                : router.nat().destinationRules().stream()
                        .filter(r -> natLocation.equals(r.location()))
                        .findFirst()
                        .orElse(null);
        String natName = nat == null || nat.path() == null ? "destination NAT" : nat.path();
        ConcreteHeader arrived = replay.trace().packet().header();
        String ruleName = rule.path() == null ? "rule " + rule.number() : rule.path();
        var filterStep = replay.step(Stage.FORWARD_FILTER);
        String message = ruleName + " matches destination "
                + rule.match().destination().text() + ", but " + natName
                + " has already rewritten packets for the router's address " + arrived.dstText() + " (e.g. " + arrived
                + ") to "
                + after.dstText() + (after.hasPorts() ? ":" + after.dstPort() : "")
                + " when the forward filter runs, so the"
                + " rule never matches the traffic it names"
                + (filterStep == null
                        ? "."
                        : " (the forward filter's verdict for it: " + StepText.detail(filterStep) + ").")
                + " Match the translated destination instead.";
        List<RelatedLocation> related = natLocation == null
                ? List.of()
                : List.of(new RelatedLocation(natLocation, natName + " rewrites the destination first"));
        // a written address (not a group) is a single leaf: setting it replaces the public one
        boolean plainAddress = !rule.match().destination().text().contains(" ");
        ConfigChange fix = rule.path() == null || !plainAddress
                ? null
                : new ConfigChange()
                        .set(
                                Segment.path(rule.path()),
                                Segment.of("destination"),
                                Segment.of("address", after.dstText()));
        return Finding.of(METADATA)
                .message(message)
                .at(rule.location())
                .related(related)
                .replay(replay)
                .fix(router, fix)
                .subject(subjectOf(rule))
                .build();
    }

    private static String subjectOf(FirewallRule rule) {
        return rule.path() == null ? "firewall rule " + rule.number() : rule.path();
    }
}
