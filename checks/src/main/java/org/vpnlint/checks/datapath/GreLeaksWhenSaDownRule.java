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
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.Datapath;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.SaStates;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.StepText;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.RouterPart;
import org.vpnlint.model.SourceLocation;

/**
 * GRE over IPsec whose GRE packets leave in cleartext while the SA is down. A GRE interface sends exactly one kind
 * of packet in given SA states (its source to its remote, protocol 47), so no solver is needed: the packet is
 * replayed with every SA up (the SA that encrypts it is the one that matters) and again with that SA down. A tunnel
 * without a local address may send from another source while the SA is down ({@link GrePacket}); the message
 * names the tunnel by its packet with the SA up, the witness is the packet sent while it is down.
 */
public final class GreLeaksWhenSaDownRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("gre-leaks-when-sa-down")
            .title("GRE packets leave in cleartext while the IPsec SA protecting them is down")
            .defaultLevel(Level.ERROR)
            .tags("security", "ipsec", "gre")
            .securitySeverity("7.5")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary(
                    "Replays a GRE tunnel's own packet with the protecting SA up (encrypted) and down: reported when, with the "
                            + "SA down, it is routed to the peer in cleartext.")
            .explanation("""
            In the canonical GRE/IPsec setup (GRE between the public addresses, an IPsec tunnel with \
            `protocol gre`), the GRE packets are routable without IPsec: the peer's public address is reached \
            by the default route. When the SA goes down and strongSwan removes its policies (VyOS default: \
            initiate, DPD clear, close-action none), the GRE tunnel **keeps working, unencrypted**, exposing \
            whatever runs over it to eavesdropping and tampering.

            The design from the articles avoids this: GRE between addresses on dummy interfaces, with an IPsec \
            tunnel between those /32s. strongSwan's table-220 route is then the only way to the remote dummy \
            address, so GRE stops when the SA does — provided no default route leads there too (add a blackhole \
            route for it). For the canonical setup, keep trap policies (DPD/close action hold or trap) so the \
            packets are dropped while the SA is down.""")
            .badExample("rules/gre-leaks-when-sa-down/bad-canonical-without-prefixes.set")
            .fixedExample("rules/gre-leaks-when-sa-down/good-canonical-respond-trap.boot")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            for (GrePacket.SentWithSasUp sent : GrePacket.sentWithEverySaUp(router, context)) {
                CompiledRouter compiled = sent.router();
                GrePacket gre = sent.gre();
                PacketTrace up = sent.up();
                if (up.verdict() != Verdict.ENCRYPTED) continue; // not protected even when up: gre-not-protected
                CompiledTunnel protecting = compiled.tunnelAt(compiled.tunnelIndex(up.tunnel()));
                SaStates down = SaStates.allUp().with(protecting.ref(), false);
                // without a local address the source follows the routes, which change with the SA (table 220)
                GrePacket whileDown = sent.sender().packet(compiled, down).orElse(null);
                if (whileDown == null) continue; // no route at all: the kernel sends nothing
                // the same WAN choice as the replay with the SA up, if a load balancer made one
                var sentDown = sent.gre().packet().wan() == null
                        ? whileDown.packet()
                        : whileDown.packet().balancedTo(sent.gre().packet().wan());
                PacketTrace leak = Datapath.replay(compiled, sentDown, down);
                // "no blackhole route holds the GRE packets back" is a claim about every static route
                if (leak.verdict() == Verdict.CLEARTEXT) {
                    findings.addAll(UnshownPart.gate(
                            router,
                            List.of(UndecidedNote.unlessInexact(
                                    finding(router, gre, protecting, leak), router, up, leak)),
                            RouterPart.ROUTES));
                }
            }
        }
        return findings;
    }

    private static Finding finding(Router router, GrePacket gre, CompiledTunnel protecting, PacketTrace leak) {
        ReplayedWitness replay = new ReplayedWitness(leak, "down");
        String message =
                "GRE tunnel " + gre.describe() + " is encrypted by " + protecting.describe() + " only while its SA "
                        + "is up: with the SA down, " + replay.packetText() + " " + replay.fateText() + " ("
                        + protecting.lifecycle().explanation() + ").";
        boolean remoteIsPeer = gre.packet().dst().equals(protecting.remoteEndpoint());
        var route = replay.step(Stage.ROUTE);
        if (!remoteIsPeer && route != null) {
            // the dummy-address design: GRE stops with the SA only when nothing but table 220 routes the remote
            message +=
                    " strongSwan's table-220 route to " + gre.packet().header().dstText() + " goes with the SA, but "
                            + StepText.detail(route) + " still carries the GRE packets.";
        }
        List<RelatedLocation> related = new ArrayList<>();
        if (protecting.location() != null) {
            related.add(new RelatedLocation(
                    protecting.location(),
                    "IPsec " + protecting.ref() + ", which protects "
                            + gre.tunnelInterface().name() + " only while its SA is up"));
        }
        SourceLocation routeLine = replay.actedAt(Stage.ROUTE);
        if (routeLine != null) {
            related.add(new RelatedLocation(routeLine, "the route that carries the GRE packets while the SA is down"));
        }
        ConfigChange fix = remoteIsPeer
                ? SaDownFix.trapOnDpd(router, protecting.peer().ikeGroup())
                : SaDownFix.blackholes(router, List.of(gre.packet().dst()));
        return Finding.of(METADATA)
                .message(message)
                .at(gre.tunnelInterface().location())
                .related(related)
                .replay(replay)
                .fix(router, fix)
                .subject("interfaces tunnel " + gre.tunnelInterface().name() + "|sa-down")
                .build();
    }
}
