package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.checks.UnshownPart;
import org.vpnlint.datapath.AddressFamily;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.HeaderAlgebra;
import org.vpnlint.datapath.Outcome;
import org.vpnlint.datapath.PacketInput;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Selectors;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.TunnelRef;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;
import org.vpnlint.model.PolicyRouteAction;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;

/**
 * With a tunnel's SA down, a packet that matches its selectors leaves in cleartext. Whether the policies stay
 * (trap) or go with the SA, and whether table 220's routes go too, is the datapath's {@code SaLifecycle}; the
 * solver looks for a packet from an interface or from the router itself, the tunnel's SA down and the others up,
 * whose header after destination NAT matches the tunnel's selectors and whose verdict is cleartext.
 */
public final class TunnelTrafficLeaksWhenSaDownRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("tunnel-traffic-leaks-when-sa-down")
            .title("The tunnel's traffic is routed out in cleartext while its SA is down")
            .defaultLevel(Level.WARNING)
            .tags("security", "ipsec", "routing")
            .securitySeverity("5.9")
            .precision(RuleMetadata.Precision.HIGH)
            .summary(
                    "Proves, with a packet replayed through the data path, that while a tunnel's SA is down its traffic is "
                            + "routed in cleartext: the policies are gone with the SA and no trap, blackhole or reject route "
                            + "keeps the traffic in.")
            .explanation("""
            With VyOS's defaults (`connection-type initiate`, no DPD or DPD `clear`, `close-action none`) \
            strongSwan deletes a CHILD_SA's IPsec policies and its table-220 routes together with the SA. Until \
            the SA is negotiated again, the tunnel's traffic follows the main routing table: usually the default \
            route out of the WAN interface, often masqueraded on the way — **in cleartext**, to the Internet.

            Keep the traffic in while the SA is down: a blackhole route for each remote prefix \
            (`set protocols static route 10.10.10.0/24 blackhole distance 254`; longest prefix wins over the \
            default route, and table 220 is consulted first while the SA is up), or trap policies \
            (`connection-type respond`, DPD action `hold` (1.2/1.3/EdgeOS) or `trap` (1.4/1.5), close-action \
            `hold`/`trap`), which drop the traffic and start IKE. Where the remote selector holds the peer's own \
            address (host-to-host tunnels, GRE/IPsec), a blackhole would cut IKE too, so only a trap helps.""")
            .badExample("rules/tunnel-traffic-leaks-when-sa-down/bad-dpd-clear.set")
            .fixedExample("rules/tunnel-traffic-leaks-when-sa-down/good-dpd-trap-close-trap.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            for (AddressFamily family : AddressFamily.values()) {
                // "no blackhole or reject route holds the traffic back" is a claim about every static route
                findings.addAll(UnshownPart.gate(
                        router,
                        TunnelQuestions.forEachTunnel(
                                router, family, context, METADATA.id(), (tunnel, pipeline, slices) -> {
                                    Finding finding = leak(router, tunnel, pipeline);
                                    return finding == null ? List.of() : List.of(finding);
                                }),
                        RouterPart.ROUTES));
            }
        }
        return findings;
    }

    private static Finding leak(Router router, CompiledTunnel tunnel, DatapathQuestion pipeline) {
        PacketGoal goal = new LeaksWhileDown(tunnel.ref());
        String question = METADATA.id() + ": " + tunnel.ref();
        Answer answer = pipeline.ask(goal, new WitnessPreferences(tunnel.localSelectors(), tunnel.remoteSelectors()));
        if (answer instanceof Answer.Proved) return null;
        if (answer instanceof Answer.Undecided undecided) {
            return UndecidedNote.solverGaveUp(
                    METADATA,
                    "the traffic of " + tunnel.describe() + " leaks while its SA is down",
                    undecided.reason(),
                    tunnel.location(),
                    tunnel.ref().toString());
        }
        PacketTrace trace = WitnessReplay.confirm(pipeline.router(), (Answer.Found) answer, goal, question);
        ReplayedWitness replay = new ReplayedWitness(trace, "down");
        boolean peerInsideRemote = tunnel.remoteEndpoint() != null
                && tunnel.remoteSelectors().stream().anyMatch(p -> p.contains(tunnel.remoteEndpoint()));
        String remedy = peerInsideRemote
                ? " The remote selector holds the peer's own address, so a blackhole route would cut IKE too: keep trap "
                        + "policies instead (connection-type respond, or a DPD/close action that traps)."
                : " Add a blackhole route for the remote prefix, or keep trap policies (connection-type respond, or a "
                        + "DPD/close action that traps).";
        String message = "While the SA of " + tunnel.describe() + " is down, its traffic leaves in cleartext: "
                + replay.packetText() + " " + replay.fateText() + " ("
                + tunnel.lifecycle().explanation() + ")." + remedy;
        List<RelatedLocation> related = new ArrayList<>();
        SourceLocation route = replay.actedAt(Stage.ROUTE);
        if (route != null && !route.equals(tunnel.location())) {
            related.add(
                    new RelatedLocation(route, "the route that carries the tunnel's traffic out while the SA is down"));
        }
        ConfigChange fix = peerInsideRemote
                ? SaDownFix.trapOnDpd(router, tunnel.peer().ikeGroup())
                : SaDownFix.blackholes(router, tunnel.remoteSelectors());
        PolicyMark mark = PolicyMark.of(router, replay.actedAt(Stage.PREROUTING_POLICY_ROUTE));
        if (mark != null && mark.rule().action() == PolicyRouteAction.LOAD_BALANCE && !peerInsideRemote) {
            // the WAN's table comes before main as well: a blackhole in main never sees the balanced packet
            message += " Load balancing sends it to the table of "
                    + replay.trace().egress() + " ("
                    + mark.rule().path() + "), which is looked up before the main table, so a blackhole route in"
                    + " main does not stop it: keep the tunnel's prefixes out of load balancing as well.";
            related.add(new RelatedLocation(
                    mark.rule().location(), mark.rule().path() + ", which balances the tunnel's traffic around main"));
            ConfigChange exclusion =
                    LoadBalanceExclusionFix.forRule(router, mark.ruleset(), mark.rule(), tunnel.remoteSelectors());
            if (exclusion != null) fix = fix.then(exclusion);
        } else if (mark != null && mark.rule().action() == PolicyRouteAction.SET_TABLE && !peerInsideRemote) {
            // table N's ip rule comes before main: a blackhole in main never sees the marked packet
            message += " Policy routing sends it to table " + mark.rule().table() + " ("
                    + mark.rule().label()
                    + "), which is looked up before the main table, so a blackhole route in main does not stop it:"
                    + " keep the tunnel's prefixes out of the policy route as well.";
            related.add(new RelatedLocation(
                    mark.rule().location(), mark.rule().label() + ", which routes the tunnel's traffic around main"));
            ConfigChange exemption =
                    PolicyRouteExemptionFix.forRule(router, mark.ruleset(), mark.rule(), tunnel.remoteSelectors());
            if (exemption != null) fix = fix.then(exemption);
        }
        return UndecidedNote.unlessInexact(
                Finding.of(METADATA)
                        .message(message)
                        .at(tunnel.location())
                        .related(related)
                        .replay(replay)
                        .fix(router, fix)
                        .subject(tunnel.ref() + "|sa-down")
                        .build(),
                router,
                trace);
    }

    /** This tunnel's SA down, the others up; its traffic (after DNAT) from an interface or the router; cleartext. */
    private record LeaksWhileDown(TunnelRef tunnelRef) implements PacketGoal {
        @Override
        public <B, V> B on(
                HeaderAlgebra<B, V> a, CompiledRouter router, PacketInput<B, V> packet, Outcome<B, V> outcome) {
            int tunnelIndex = router.tunnelIndex(tunnelRef);
            B goal = Ingresses.fromNetworkOrLocal(a, router, packet);
            for (int i = 0; i < packet.saUp().size(); i++) {
                B up = packet.saUp().get(i);
                goal = a.and(goal, i + 1 == tunnelIndex ? a.not(up) : up);
            }
            goal = a.and(goal, Selectors.outbound(a, router, outcome.afterDestinationNat(), tunnelIndex));
            return a.and(goal, outcome.verdictIs(a, Verdict.CLEARTEXT));
        }
    }
}
