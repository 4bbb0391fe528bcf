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
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.datapath.DropReason;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.FirewallChain;
import org.vpnlint.model.FirewallRule;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;
import org.vpnlint.solver.QueryResult;

/**
 * The input filter drops what the router's own VPNs need: IKE, NAT-T or ESP from a configured peer to its
 * local-address, or the packets of a GRE/IPIP tunnel interface from its remote. Each such packet is replayed through
 * the datapath as the first packet of its flow (EdgeOS {@code auto-firewall-nat-exclude enable} inserts its accepts
 * first, the datapath models them).
 */
public final class IkeBlockedByFirewallRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("ike-blocked-by-firewall")
            .title("The input filter drops the router's own IKE, ESP or GRE")
            .defaultLevel(Level.ERROR)
            .tags("firewall", "ipsec", "gre")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Replays IKE (udp 500), NAT-T (udp 4500) and ESP from every IPsec peer's address to its local-address, and "
                            + "GRE/IPIP from every tunnel interface's remote, through the input filter; reports each one it drops.")
            .explanation("""
            Packets addressed to the router itself pass the **input** hook (`firewall ipv4 input filter`, or the \
            ruleset attached as `local` before 1.4). A `WAN_LOCAL` ruleset that ends in `default-action drop` \
            without accepting `udp 500,4500` and `esp` from the peer drops the peer's IKE_SA_INIT: the tunnel comes \
            up only while this router initiates and conntrack still remembers the flow, and never when the other \
            end starts it (after a reboot, a rekey, DPD). GRE tunnel interfaces need protocol 47 from their remote \
            the same way (inside IPsec it arrives decrypted and is matched by `ipsec match-ipsec`).

            EdgeOS `vpn ipsec auto-firewall-nat-exclude enable` inserts accepts for udp 500/4500 and ESP before the \
            user's rules; VyOS has no such option. The finding is an error when the peer must be able to reach the \
            router first (respond-only peers, GRE), and a warning when this router initiates.""")
            .badExample("rules/ike-blocked-by-firewall/bad-wan-local-drops-ike-responder.boot")
            .fixedExample("rules/ike-blocked-by-firewall/good-wan-local-accepts-ike.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            Map<String, List<Blocked>> blockedByOwner = new LinkedHashMap<>();
            SourceSearch search = new SourceSearch(context);
            OwnPacketReplays replays = new OwnPacketReplays();
            for (OwnTraffic.Flow flow : OwnTraffic.of(router)) {
                if (flow.kind() == OwnTraffic.Kind.ESP && flow.forcedUdp()) continue; // ESP always travels in udp 4500
                ReplayedWitness replay =
                        flow.anySource() ? droppedFromEveryAddress(flow, search, findings) : replays.of(flow);
                if (replay == null || !droppedByInputFilter(replay)) continue;
                SourceLocation decidedAt = replay.step(Stage.INPUT_FILTER).location();
                blockedByOwner
                        .computeIfAbsent(flow.owner(), key -> new ArrayList<>())
                        .add(new Blocked(flow, replay, decidedAt));
            }
            // "no earlier rule accepts it" is a claim about every firewall rule, and the replay must not rest on a
            // rule vpnlint read wider or narrower than written
            findings.addAll(UnshownPart.gate(
                    router,
                    blockedByOwner.values().stream()
                            .map(blocked -> UndecidedNote.unlessInexact(
                                    finding(router, blocked),
                                    router,
                                    blocked.stream()
                                            .map(each -> each.replay().trace())
                                            .toArray(PacketTrace[]::new)))
                            .toList(),
                    RouterPart.FIREWALL));
        }
        return findings;
    }

    private static boolean droppedByInputFilter(ReplayedWitness replay) {
        return replay.trace().verdict() == Verdict.DROPPED && replay.trace().dropReason() == DropReason.INPUT_FILTER;
    }

    /**
     * A peer without a configured address may come from anywhere: blocked only when the input filter drops the
     * packet from every source address (proved), shown with one of them replayed; null otherwise.
     */
    private static ReplayedWitness droppedFromEveryAddress(
            OwnTraffic.Flow flow, SourceSearch search, List<Finding> findings) {
        String purpose = METADATA.id() + ": " + flow.what() + " (" + flow.owner() + ")";
        QueryResult passes =
                search.find(flow.router(), flow.packet(), SourceSearch.Goal.NOT_DROPPED_BY_INPUT_FILTER, purpose);
        if (passes instanceof QueryResult.Unknown unknown) {
            findings.add(UndecidedNote.solverGaveUp(
                    METADATA,
                    "the input filter admits " + flow.what() + " for " + flow.owner(),
                    unknown.reason(),
                    flow.ownerLocation(),
                    flow.owner() + "|input"));
            return null;
        }
        if (!(passes instanceof QueryResult.Proved)) return null;
        QueryResult dropped =
                search.find(flow.router(), flow.packet(), SourceSearch.Goal.DROPPED_BY_INPUT_FILTER, purpose);
        if (!(dropped instanceof QueryResult.Witness witness)) return null;
        ReplayedWitness replay =
                ReplayedWitness.withEverySaUp(flow.router(), SourceSearch.packet(flow.router(), witness));
        if (!droppedByInputFilter(replay)) {
            throw new ReplayDisagreement(purpose, replay.trace());
        }
        return replay;
    }

    private record Blocked(OwnTraffic.Flow flow, ReplayedWitness replay, SourceLocation decidedAt) {}

    private static Finding finding(Router router, List<Blocked> blocked) {
        Blocked first = blocked.get(0);
        OwnTraffic.Flow flow = first.flow();
        boolean essential = blocked.stream().anyMatch(b -> essential(b.flow()));
        Level level = essential && !flow.routerInitiates() ? Level.ERROR : Level.WARNING;

        List<String> parts = new ArrayList<>();
        for (Blocked each : blocked) {
            parts.add(each.flow().what() + ": " + decider(each));
        }
        StringBuilder message = new StringBuilder("The input filter drops what ")
                .append(flow.owner())
                .append(" needs: ")
                .append(String.join("; ", parts))
                .append('.');
        if (flow.kind() == OwnTraffic.Kind.ENCAPSULATION) {
            message.append(" The remote's tunnel packets never reach the tunnel interface.");
        } else if (flow.routerInitiates()) {
            message.append(" This router initiates, so the peer's answers match conntrack entries its own packets"
                    + " created; but whenever the peer starts an exchange (after a reboot, a rekey, DPD) its first"
                    + " packet is dropped.");
        } else {
            message.append(" This router only responds, so the peer's IKE_SA_INIT is dropped and the tunnel never"
                    + " comes up.");
        }
        if (!essential) message.append(" Only NAT-T is affected: this matters when either end is behind NAT.");

        SourceLocation location = first.decidedAt() != null ? first.decidedAt() : flow.ownerLocation();
        List<RelatedLocation> related = new ArrayList<>();
        if (flow.ownerLocation() != null && !flow.ownerLocation().equals(location)) {
            related.add(new RelatedLocation(flow.ownerLocation(), flow.owner() + ", whose packets are dropped"));
        }
        for (Blocked each : blocked.subList(1, blocked.size())) {
            if (each.decidedAt() != null
                    && !each.decidedAt().equals(location)
                    && related.stream().noneMatch(r -> r.location().equals(each.decidedAt()))) {
                related.add(new RelatedLocation(
                        each.decidedAt(), "drops " + each.flow().what()));
            }
        }
        return Finding.of(METADATA)
                .level(level)
                .message(message.toString())
                .at(location)
                .related(related)
                .replay(first.replay())
                .fix(router, fix(router, blocked))
                .subject(flow.owner() + "|input")
                .build();
    }

    /** Packets without which the tunnel cannot work at all (NAT-T matters only behind NAT). */
    private static boolean essential(OwnTraffic.Flow flow) {
        return switch (flow.kind()) {
            case IKE, ENCAPSULATION -> true;
            case ESP -> !flow.forcedUdp();
            case NAT_T -> flow.forcedUdp();
        };
    }

    private static String decider(Blocked blocked) {
        var step = blocked.replay().step(Stage.INPUT_FILTER);
        return step == null ? "dropped" : StepText.detail(step);
    }

    /** Accept rules in the chain that drops, placed before the dropping rule. */
    private static ConfigChange fix(Router router, List<Blocked> blocked) {
        FirewallChain chain = FirewallChains.chainAt(router, blocked.get(0).decidedAt());
        if (chain == null || chain.path() == null) return null;
        FirewallRule dropping = FirewallChains.ruleAt(chain, blocked.get(0).decidedAt());
        Integer number = FirewallChains.freeNumberBefore(chain, dropping);
        if (number == null) return null;
        List<Segment> chainNode = Segment.path(chain.path());
        ConfigChange change = new ConfigChange();
        OwnTraffic.Flow flow = blocked.get(0).flow();
        String source = flow.anySource() ? null : flow.packet().header().srcText();
        boolean ports = blocked.stream()
                .anyMatch(
                        b -> b.flow().kind() == OwnTraffic.Kind.IKE || b.flow().kind() == OwnTraffic.Kind.NAT_T);
        List<Integer> protocols = blocked.stream()
                .filter(b -> b.flow().kind() == OwnTraffic.Kind.ESP || b.flow().kind() == OwnTraffic.Kind.ENCAPSULATION)
                .map(b -> b.flow().packet().protocol())
                .distinct()
                .toList();
        int next = number;
        if (ports) {
            Segment rule = Segment.of("rule", next);
            change.set(chainNode, rule, Segment.of("action", "accept"));
            if (source != null) change.set(chainNode, rule, Segment.of("source"), Segment.of("address", source));
            change.set(chainNode, rule, Segment.of("protocol", "udp"));
            change.set(chainNode, rule, Segment.of("destination"), Segment.of("port", "500,4500"));
            next++;
        }
        for (int protocol : protocols) {
            Segment rule = Segment.of("rule", next);
            change.set(chainNode, rule, Segment.of("action", "accept"));
            if (source != null) change.set(chainNode, rule, Segment.of("source"), Segment.of("address", source));
            change.set(chainNode, rule, Segment.of("protocol", org.vpnlint.model.ProtocolMatch.name(protocol)));
            next++;
        }
        if (dropping != null && next > dropping.number()) return null; // no room before the dropping rule
        if (router.dialect() == Dialect.EDGEOS
                && blocked.stream().allMatch(b -> b.flow().kind() != OwnTraffic.Kind.ENCAPSULATION)) {
            change.remark("or let EdgeOS add these accepts itself: set vpn ipsec auto-firewall-nat-exclude enable");
        }
        return change;
    }
}
