package org.vpnlint.checks.tables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Level;
import org.vpnlint.model.NatRule;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.QueryResult;

/**
 * A destination NAT rule rewrites IKE, NAT-T or ESP (or a GRE tunnel's packets) that a peer sends to the router's
 * own address, so they are port-forwarded to another host instead of reaching charon or the tunnel interface.
 * Each such packet is replayed through the datapath; PREROUTING runs before the input filter and routing.
 */
public final class DnatStealsIkeRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("dnat-steals-ike")
            .title("Destination NAT forwards the router's own IKE, ESP or GRE elsewhere")
            .defaultLevel(Level.ERROR)
            .tags("nat", "ipsec", "gre")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Replays IKE (udp 500), NAT-T (udp 4500) and ESP from every IPsec peer to its local-address, and GRE/IPIP "
                            + "from every tunnel interface's remote, through PREROUTING; reports the destination NAT rule that "
                            + "rewrites them.")
            .explanation("""
            Destination NAT runs in PREROUTING, before routing decides whether a packet is for the router itself. \
            A port forward on the WAN interface that is wider than meant (`protocol all`, a port range that \
            includes 500 or 4500, a 1:1 NAT of the router's only public address) catches the peer's IKE and ESP \
            too and sends them to an inside host: charon never sees IKE_SA_INIT, and ESP for an established SA \
            never reaches the kernel's SA. The same holds for protocol 47 of a GRE tunnel interface. Nothing in \
            VyOS's commit checks looks for this.""")
            .badExample("rules/dnat-steals-ike/bad-edgeos-port-range.set")
            .fixedExample("rules/dnat-steals-ike/good-https-only.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            // one finding per destination NAT rule and victim: all the packets it steals from that peer
            Map<String, List<Stolen>> stolen = new LinkedHashMap<>();
            SourceSearch search = new SourceSearch(context);
            OwnPacketReplays replays = new OwnPacketReplays();
            for (OwnTraffic.Flow flow : OwnTraffic.of(router)) {
                ReplayedWitness replay =
                        flow.anySource() ? rewrittenFromSomeAddress(flow, search, findings) : replays.of(flow);
                if (replay == null || !replay.destinationTranslated()) continue;
                SourceLocation natRule = replay.step(Stage.PREROUTING_DNAT).location();
                stolen.computeIfAbsent(natRule + "|" + flow.owner(), key -> new ArrayList<>())
                        .add(new Stolen(flow, replay, natRule));
            }
            stolen.values()
                    .forEach(list -> findings.add(UndecidedNote.unlessInexact(
                            finding(router, list),
                            router,
                            list.stream().map(each -> each.replay().trace()).toArray(PacketTrace[]::new))));
        }
        return findings;
    }

    /** A peer without a configured address: is there any source address whose packet destination NAT rewrites? */
    private static ReplayedWitness rewrittenFromSomeAddress(
            OwnTraffic.Flow flow, SourceSearch search, List<Finding> findings) {
        String purpose = METADATA.id() + ": " + flow.what() + " (" + flow.owner() + ")";
        QueryResult rewritten =
                search.find(flow.router(), flow.packet(), SourceSearch.Goal.DESTINATION_REWRITTEN, purpose);
        if (rewritten instanceof QueryResult.Unknown unknown) {
            findings.add(UndecidedNote.solverGaveUp(
                    METADATA,
                    "destination NAT rewrites " + flow.what() + " for " + flow.owner(),
                    unknown.reason(),
                    flow.ownerLocation(),
                    flow.owner() + "|dnat"));
            return null;
        }
        if (!(rewritten instanceof QueryResult.Witness witness)) return null;
        ReplayedWitness replay =
                ReplayedWitness.withEverySaUp(flow.router(), SourceSearch.packet(flow.router(), witness));
        if (!replay.destinationTranslated()) {
            throw new ReplayDisagreement(purpose, replay.trace());
        }
        return replay;
    }

    private record Stolen(OwnTraffic.Flow flow, ReplayedWitness replay, SourceLocation natRule) {}

    private static Finding finding(Router router, List<Stolen> stolen) {
        Stolen first = stolen.get(0);
        NatRule rule = destinationRuleAt(router, first.natRule());
        String ruleName = rule == null ? "a destination NAT rule" : rule.path();
        List<String> parts = new ArrayList<>();
        for (Stolen each : stolen) {
            parts.add(each.flow().what() + " becomes " + each.replay().afterDestinationNat());
        }
        String message = ruleName + " rewrites packets " + first.flow().owner() + " needs to reach this router: "
                + String.join("; ", parts) + ". Destination NAT runs in PREROUTING, before the router decides the "
                + "packet is its own, so charon (or the tunnel interface) never receives them.";
        SourceLocation location =
                first.natRule() != null ? first.natRule() : first.flow().ownerLocation();
        List<RelatedLocation> related = new ArrayList<>();
        if (first.flow().ownerLocation() != null) {
            related.add(new RelatedLocation(
                    first.flow().ownerLocation(), first.flow().owner() + ", whose packets are rewritten"));
        }
        return Finding.of(METADATA)
                .message(message)
                .at(location)
                .related(related)
                .replay(first.replay())
                .fix(router, fix(router, rule, first.flow()))
                .subject((rule == null ? "destination nat" : rule.path()) + "|"
                        + first.flow().owner())
                .build();
    }

    private static NatRule destinationRuleAt(Router router, SourceLocation location) {
        if (router.nat() == null || location == null) return null;
        return router.nat().destinationRules().stream()
                .filter(r -> location.equals(r.location()))
                .findFirst()
                .orElse(null);
    }

    /** An exclude rule for the peer just before the stealing rule (exclude stops destination NAT for the packet). */
    private static ConfigChange fix(Router router, NatRule rule, OwnTraffic.Flow flow) {
        if (flow.anySource()) return null; // the peer may come from anywhere: narrow the rule instead
        if (rule == null || rule.path() == null || !rule.path().endsWith(" rule " + rule.number())) return null;
        int number = rule.number() - 1;
        boolean taken = router.nat().destinationRules().stream().anyMatch(r -> r.number() == number)
                || router.nat().sourceRules().stream()
                        .anyMatch(r -> r.number() == number && router.dialect() == Dialect.EDGEOS);
        if (number < 1 || taken) return null;
        List<Segment> exclude = new ArrayList<>(Segment.path(rule.path()));
        exclude.set(exclude.size() - 1, Segment.of("rule", number));
        ConfigChange change = new ConfigChange().set(exclude, Segment.of("exclude"));
        if (router.dialect() == Dialect.EDGEOS) change.set(exclude, Segment.of("type", "destination"));
        if (!rule.interfaceMatch().isAny()) {
            String name = rule.interfaceMatch().toString();
            if (router.dialect().legacyIpsecSyntax()) change.set(exclude, Segment.of("inbound-interface", name));
            else change.set(exclude, Segment.of("inbound-interface"), Segment.of("name", name));
        }
        change.set(
                exclude,
                Segment.of("source"),
                Segment.of("address", flow.packet().header().srcText()));
        change.set(
                exclude,
                Segment.of("destination"),
                Segment.of("address", flow.packet().header().dstText()));
        return change;
    }
}
