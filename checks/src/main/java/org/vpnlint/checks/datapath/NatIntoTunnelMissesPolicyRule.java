package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressSeqRange;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledNatRule;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.model.AddressMatch;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.NatConfig;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.NatTranslation;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;

/**
 * NAT meant to put traffic into a tunnel (the overlapping-subnets trick: translate the source into the tunnel's
 * local selector, and map that address back with destination NAT) done wrong.
 *
 * <p>A source NAT rule "targets" a tunnel when it translates to an address and its destination condition overlaps
 * the tunnel's remote selectors. Two questions to the solver, every SA up:
 * <ul>
 *   <li>forward: a packet from an interface to the remote selectors that lookup 1 does not give to the tunnel,
 *       is source-NATed, and is then not encrypted by the tunnel (the translation lies outside its local selector,
 *       so lookup 2 finds no policy). The replay names the rule; rules that do not target the tunnel (a general
 *       masquerade) are set aside as excludes and the question is asked again;</li>
 *   <li>return: a packet the tunnel decrypts, from its remote selectors to the translated address, that destination
 *       NAT does not map back (no rule), or maps to an address outside the rule's source condition.</li>
 * </ul>
 */
public final class NatIntoTunnelMissesPolicyRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("nat-into-tunnel-misses-policy")
            .title("NAT meant to put traffic into a tunnel misses the tunnel's policy")
            .defaultLevel(Level.ERROR)
            .tags("ipsec", "nat")
            .securitySeverity("5.3")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Proves, with a replayed packet, that a source NAT rule aimed at a tunnel's remote prefix translates to an "
                            + "address outside the tunnel's local selector (so the traffic is not encrypted), or that the "
                            + "translated address is not mapped back by destination NAT.")
            .explanation("""
            When both sides use the same subnet, the usual compromise is to NAT the tunnel's traffic: translate the \
            local host to an address inside the tunnel's local selector (172.16.17.45 for 192.168.10.45), and map \
            that address back with destination NAT. It works because Linux looks the IPsec policy up again after \
            source NAT, with the translated header.

            Two things go wrong. If the translation is not inside the local selector, the lookup after source NAT \
            finds no policy and the packet leaves **unencrypted**. If destination NAT does not map the translated \
            address back to the original host (missing, or pointing elsewhere), connections the remote side opens \
            end on the wrong host or nowhere.""")
            .badExample("rules/nat-into-tunnel-misses-policy/bad-return-dnat-missing.set")
            .fixedExample("rules/nat-into-tunnel-misses-policy/good-docs-nat-before-vpn.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            if (router.nat() == null || router.nat().sourceRules().isEmpty()) continue;
            for (AddressFamily family : AddressFamily.values()) {
                CompiledRouter compiled = context.compiled(router, family);
                for (CompiledTunnel tunnel : compiled.tunnels()) {
                    if (!tunnel.hasPolicies()) continue;
                    List<NatRule> aimed = rulesAimedAt(compiled, tunnel);
                    if (aimed.isEmpty()) continue;
                    findings.addAll(forward(router, compiled, tunnel, aimed, context));
                    for (NatRule rule : aimed) {
                        // many-to-one (hide) NAT has no way back to check: remote-initiated connections are not
                        // meant to reach the hidden hosts
                        if (!oneToOne(rule)) continue;
                        Finding back = returnPath(router, compiled, tunnel, rule, context);
                        // "no destination NAT rule maps it back" is a claim about every NAT rule
                        if (back != null) findings.addAll(UnshownPart.gate(router, List.of(back), RouterPart.NAT));
                    }
                }
            }
        }
        return findings;
    }

    /** Configured rules translating to an address whose destination condition overlaps the tunnel's remote selectors. */
    private static List<NatRule> rulesAimedAt(CompiledRouter router, CompiledTunnel tunnel) {
        List<NatRule> aimed = new ArrayList<>();
        for (CompiledNatRule compiled : router.sourceNat()) {
            NatRule rule = compiled.rule();
            NatTranslation translation = rule.translation();
            AddressMatch destination = rule.match().destination();
            if (rule.location() == null || translation == null || translation.kind() != NatTranslation.Kind.ADDRESS)
                continue;
            if (destination.negated() || destination.ranges().isEmpty()) continue;
            boolean overlaps = destination.ranges().stream()
                    .anyMatch(range -> tunnel.remoteSelectors().stream()
                            .anyMatch(prefix ->
                                    range.intersect(prefix.toPrefixBlock().toSequentialRange()) != null));
            if (overlaps) aimed.add(rule);
        }
        return aimed;
    }

    // ---- forward: the translated packet misses the policy ------------------------------------------------------

    private List<Finding> forward(
            Router router, CompiledRouter compiled, CompiledTunnel tunnel, List<NatRule> aimed, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        PacketGoal goal = new TranslatedPastThePolicy(tunnel.index());
        String question = METADATA.id() + ": source NAT into " + tunnel.ref();
        Set<NatRule> setAside = new HashSet<>();
        CompiledRouter asked = compiled;
        while (true) {
            Answer answer = DatapathQuestion.ask(
                    context.solver(),
                    asked,
                    question,
                    goal,
                    new WitnessPreferences(List.of(), tunnel.remoteSelectors()));
            if (answer instanceof Answer.Proved) break;
            if (answer instanceof Answer.Undecided undecided) {
                findings.add(UndecidedNote.solverGaveUp(
                        METADATA,
                        "source NAT into " + tunnel.describe() + " misses its policy",
                        undecided.reason(),
                        aimed.get(0).location(),
                        aimed.get(0).path() + "|" + tunnel.ref()));
                break;
            }
            PacketTrace trace = WitnessReplay.confirm(compiled, (Answer.Found) answer, goal, question);
            ReplayedWitness replay = new ReplayedWitness(trace, "up");
            NatRule rule = SourceNatSetAside.ruleAt(router.nat().sourceRules(), replay.actedAt(Stage.POSTROUTING_SNAT));
            if (rule == null || !setAside.add(rule)) {
                throw new ReplayDisagreement(question, trace, "names no new source NAT rule");
            }
            if (aimed.contains(rule))
                findings.add(UndecidedNote.unlessInexact(forwardFinding(router, tunnel, rule, replay), router, trace));
            asked = CompiledRouter.compile(SourceNatSetAside.withExcludes(router, setAside), compiled.family());
        }
        return findings;
    }

    /** SAs up; from an interface to the remote selectors; not the tunnel's before SNAT; SNAT; not encrypted by it. */
    private record TranslatedPastThePolicy(int tunnelIndex) implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            CompiledTunnel tunnel = router.tunnelAt(tunnelIndex);
            B goal = Ingresses.fromNetworkBehindInterface(a, router, packet);
            for (B up : packet.saUp()) goal = a.and(goal, up);
            goal = a.and(
                    goal,
                    AddressTerms.inAnyPrefix(
                            a, router.family(), outcome.afterDestinationNat().dst(), tunnel.remoteSelectors()));
            V index = a.bits(tunnelIndex, CompiledRouter.INDEX_WIDTH);
            goal = a.and(
                    goal,
                    a.not(a.and(
                            outcome.firstLookup().matched(),
                            a.eq(outcome.firstLookup().tunnel(), index))));
            goal = a.and(goal, outcome.sourceNatted());
            return a.and(goal, a.not(outcome.encryptedBy(a, tunnelIndex)));
        }
    }

    private static Finding forwardFinding(Router router, CompiledTunnel tunnel, NatRule rule, ReplayedWitness replay) {
        PacketTrace trace = replay.trace();
        String message = rule.path() + " sends traffic for " + tunnel.describe() + " but translates it outside the "
                + "tunnel's local selector: " + replay.packetText() + " becomes " + trace.finalHeader() + ", which the "
                + "policy lookup after source NAT does not give to the tunnel, and " + replay.fateText()
                + ", with the SA up.";
        ConfigChange fix = null;
        if (tunnel.localSelectors().size() == 1
                && isHost(tunnel.localSelectors().get(0))) {
            String host = tunnel.localSelectors().get(0).withoutPrefixLength().toCompressedString();
            fix = new ConfigChange().set(ruleNode(router, rule), translationLeaf(router, host));
        }
        return Finding.of(METADATA)
                .message(message)
                .at(rule.location())
                .related(tunnelRelated(tunnel, rule))
                .replay(replay)
                .fix(router, fix)
                .subject(rule.path() + "|" + tunnel.ref() + "|forward")
                .build();
    }

    // ---- return: destination NAT does not map the translated address back -------------------------------------

    /**
     * Whether the rule maps its sources 1:1 to translated addresses, so that a way back is implied: one host to one
     * address, or a prefix mapped onto a prefix of the same size. Anything else hides many hosts behind fewer
     * addresses.
     */
    static boolean oneToOne(NatRule rule) {
        AddressMatch source = rule.match().source();
        IPAddressSeqRange translated = rule.translation().addresses();
        if (source.negated() || source.ranges().isEmpty() || translated == null) return false;
        BigInteger sources = BigInteger.ZERO;
        for (IPAddressSeqRange range : source.ranges()) sources = sources.add(range.getCount());
        if (!sources.equals(translated.getCount())) return false;
        return sources.equals(BigInteger.ONE) || rule.translation().prefixMapLength() != null;
    }

    private Finding returnPath(
            Router router, CompiledRouter compiled, CompiledTunnel tunnel, NatRule rule, RuleContext context) {
        List<IPAddress> translated = prefixes(rule.translation().addresses());
        // a translation outside the local selector is the forward question's finding; decrypted packets to it are
        // dropped
        boolean inside = translated.stream()
                .allMatch(t -> tunnel.localSelectors().stream().anyMatch(l -> l.contains(t)));
        if (!inside) return null;
        PacketGoal goal = new ReturnNotMappedBack(
                tunnel.index(),
                prefixes(rule.match().destination()),
                translated,
                rule.match().source());
        String question = METADATA.id() + ": destination NAT back from " + tunnel.ref() + " for " + rule.path();
        Answer answer = DatapathQuestion.ask(
                context.solver(),
                compiled,
                question,
                goal,
                new WitnessPreferences(tunnel.remoteSelectors(), translated));
        if (answer instanceof Answer.Proved) return null;
        if (answer instanceof Answer.Undecided undecided) {
            return UndecidedNote.solverGaveUp(
                    METADATA,
                    "destination NAT maps the addresses of " + rule.path() + " back",
                    undecided.reason(),
                    rule.location(),
                    rule.path() + "|" + tunnel.ref() + "|return");
        }
        PacketTrace trace = WitnessReplay.confirm(compiled, (Answer.Found) answer, goal, question);
        ReplayedWitness replay = new ReplayedWitness(trace, "up");
        NatRule dnat = SourceNatSetAside.ruleAt(router.nat().destinationRules(), replay.actedAt(Stage.PREROUTING_DNAT));
        String what;
        ConfigChange fix = null;
        String mappedTo = replay.step(Stage.PREROUTING_DNAT) == null
                ? null
                : replay.step(Stage.PREROUTING_DNAT).header().dstText();
        if (dnat == null) {
            what = "no destination NAT rule maps it back, so the packet " + replay.fateText();
            fix = missingDnatFix(router, rule, trace.packet().header().dstText());
        } else {
            what = dnat.path() + " maps it to " + mappedTo + ", not to "
                    + rule.match().source().text() + " that " + rule.path() + " translates";
        }
        String message = rule.path() + " translates " + rule.match().source().text() + " into " + tunnel.describe()
                + ", but the way back is broken: " + replay.packetText() + " (a connection the remote side opens) is "
                + "decrypted and " + what + ".";
        List<RelatedLocation> related = tunnelRelated(tunnel, rule);
        if (dnat != null && dnat.location() != null)
            related.add(new RelatedLocation(
                    dnat.location(),
                    dnat.path() + ", which maps " + trace.packet().header().dstText() + " elsewhere"));
        return UndecidedNote.unlessInexact(
                Finding.of(METADATA)
                        .message(message)
                        .at(rule.location())
                        .related(related)
                        .replay(replay)
                        .fix(router, fix)
                        .subject(rule.path() + "|" + tunnel.ref() + "|return")
                        .build(),
                router,
                trace);
    }

    /**
     * SAs up; decrypted by the tunnel; from its remote selectors within the rule's destination, to the translated
     * addresses; destination NAT leaves the address as it is, or maps it outside the rule's source condition.
     */
    private record ReturnNotMappedBack(
            int tunnelIndex, List<IPAddress> ruleDestination, List<IPAddress> translated, AddressMatch ruleSource)
            implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            AddressFamily family = router.family();
            CompiledTunnel tunnel = router.tunnelAt(tunnelIndex);
            B goal = Ingresses.decryptedBy(a, router, packet, tunnelIndex);
            for (B up : packet.saUp()) goal = a.and(goal, up);
            goal = a.and(
                    goal, AddressTerms.inAnyPrefix(a, family, packet.header().src(), tunnel.remoteSelectors()));
            goal = a.and(
                    goal, AddressTerms.inAnyPrefix(a, family, packet.header().src(), ruleDestination));
            goal = a.and(
                    goal, AddressTerms.inAnyPrefix(a, family, packet.header().dst(), translated));
            V mapped = outcome.afterDestinationNat().dst();
            B notMapped = AddressTerms.inAnyPrefix(a, family, mapped, translated);
            B elsewhere = a.bool(false);
            if (!ruleSource.negated() && !ruleSource.ranges().isEmpty()) {
                elsewhere = a.not(AddressTerms.inAnyPrefix(a, family, mapped, prefixes(ruleSource)));
            }
            return a.and(goal, a.or(notMapped, elsewhere));
        }
    }

    private static ConfigChange missingDnatFix(Router router, NatRule snat, String translatedAddress) {
        AddressMatch source = snat.match().source();
        List<IPAddress> inside = prefixes(source);
        if (source.negated() || inside.size() != 1 || !isHost(inside.get(0))) return null;
        String host = inside.get(0).withoutPrefixLength().toCompressedString();
        NatConfig nat = router.nat();
        Set<Integer> used = new HashSet<>();
        nat.destinationRules().forEach(r -> used.add(r.number()));
        boolean edgeos = router.dialect() == Dialect.EDGEOS;
        if (edgeos) nat.sourceRules().forEach(r -> used.add(r.number()));
        int number = edgeos ? 1 : snat.number();
        while (used.contains(number)) number++;
        ConfigChange change = new ConfigChange();
        if (edgeos) {
            List<Segment> rule = List.of(Segment.of("service"), Segment.of("nat"), Segment.of("rule", number));
            change.set(rule, Segment.of("type", "destination"))
                    .set(rule, Segment.of("inbound-interface", "any"))
                    .set(rule, Segment.of("destination"), Segment.of("address", translatedAddress))
                    .set(rule, Segment.of("inside-address"), Segment.of("address", host));
        } else {
            List<Segment> rule = List.of(Segment.of("nat"), Segment.of("destination"), Segment.of("rule", number));
            if (router.dialect().legacyIpsecSyntax()) change.set(rule, Segment.of("inbound-interface", "any"));
            change.set(rule, Segment.of("destination"), Segment.of("address", translatedAddress))
                    .set(rule, Segment.of("translation"), Segment.of("address", host));
        }
        return change;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static List<RelatedLocation> tunnelRelated(CompiledTunnel tunnel, NatRule rule) {
        List<RelatedLocation> related = new ArrayList<>();
        if (tunnel.location() != null) {
            related.add(new RelatedLocation(
                    tunnel.location(), "IPsec " + tunnel.ref() + ", the tunnel " + rule.path() + " aims at"));
        }
        return related;
    }

    private static List<Segment> ruleNode(Router router, NatRule rule) {
        return router.dialect() == Dialect.EDGEOS
                ? List.of(Segment.of("service"), Segment.of("nat"), Segment.of("rule", rule.number()))
                : List.of(Segment.of("nat"), Segment.of("source"), Segment.of("rule", rule.number()));
    }

    private static Segment[] translationLeaf(Router router, String address) {
        return router.dialect() == Dialect.EDGEOS
                ? new Segment[] {Segment.of("outside-address"), Segment.of("address", address)}
                : new Segment[] {Segment.of("translation"), Segment.of("address", address)};
    }

    private static boolean isHost(IPAddress prefix) {
        Integer length = prefix.getNetworkPrefixLength();
        return length == null || length == prefix.getBitCount();
    }

    private static List<IPAddress> prefixes(AddressMatch match) {
        List<IPAddress> result = new ArrayList<>();
        for (IPAddressSeqRange range : match.ranges()) result.addAll(prefixes(range));
        return result;
    }

    private static List<IPAddress> prefixes(IPAddressSeqRange range) {
        return range == null ? List.of() : List.of(range.spanWithPrefixBlocks());
    }
}
