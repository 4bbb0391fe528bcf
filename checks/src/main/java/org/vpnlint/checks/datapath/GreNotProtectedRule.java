package org.vpnlint.checks.datapath;

import inet.ipaddr.IPAddress;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.RelatedLocation;
import org.vpnlint.checks.ReplayedWitness;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.datapath.CompiledRouter;
import org.vpnlint.datapath.CompiledTunnel;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.datapath.Stage;
import org.vpnlint.datapath.TraceStep;
import org.vpnlint.datapath.Verdict;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Level;
import org.vpnlint.model.NhrpTunnel;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * A GRE tunnel towards an IPsec peer (its remote is the peer's address or inside the peer's remote selectors)
 * whose packets no policy encrypts even with every SA up. The GRE packet is fully determined (for a tunnel
 * without a local address, by the route the kernel picks with every SA up), so it is replayed directly.
 *
 * <p>A multipoint GRE tunnel (DMVPN) without an enabled IPsec profile is asked the same about each peer its NHRP
 * maps name: VyOS renders no connection for it, so only another policy could encrypt its packets
 * (docs/semantics/dmvpn.md#not-claimed).
 */
public final class GreNotProtectedRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("gre-not-protected")
            .title("A GRE tunnel to an IPsec peer is not covered by any IPsec selector")
            .defaultLevel(Level.ERROR)
            .tags("security", "ipsec", "gre")
            .securitySeverity("7.5")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary(
                    "Replays the GRE tunnel's own packet with every SA up: reported when it leaves in cleartext although its "
                            + "remote is an IPsec peer or inside a peer's remote prefixes, or, for a multipoint tunnel "
                            + "without an IPsec profile, when its packet to a peer its NHRP maps name does.")
            .explanation("""
            GRE over IPsec only encrypts GRE packets whose addresses match a tunnel's selectors. A GRE tunnel \
            between the routers' public addresses next to an IPsec tunnel that selects only the LANs (or dummy \
            addresses the GRE tunnel does not use) sends every GRE packet — and everything routed over the GRE \
            interface — in cleartext, while the configuration suggests it is protected.

            Make a selector cover the GRE packets: `tunnel N local prefix` / `remote prefix` equal to the GRE \
            tunnel's local and remote addresses (/32) with `protocol gre`, or use the GRE tunnel's addresses as \
            the IPsec tunnel's prefixes (the dummy-address design).

            A multipoint GRE tunnel (DMVPN) is protected by an IPsec profile bound to it. Without one, and \
            without another policy selecting its GRE packets, every packet to the peers its NHRP maps name \
            leaves in cleartext. Bind a profile: `vpn ipsec profile NAME bind tunnel tunN` with an `ike-group`, \
            an `esp-group` (transport mode) and the pre-shared secret of the other DMVPN routers. A hub (no \
            maps) names no peer and is not reported.

            A load balancer that also balances the router's own connections (VyOS `load-balancing wan \
            enable-local-traffic`, EdgeOS `lb-local enable`) may send the GRE packets out of another WAN and \
            translate them to that WAN's address, out of the selectors: exclude the peer from load balancing \
            (VyOS `load-balancing wan rule N exclude` with the peer's address, numbered before the balancing rule) \
            or stop balancing the router's own connections.""")
            .badExample("rules/gre-not-protected/bad-renumbered-wan-selector-not-updated.set")
            .fixedExample("rules/gre-not-protected/good-canonical-gre-prefixes-trap.set")
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
                CompiledTunnel towards =
                        tunnelTowards(sent.router(), sent.sender().remote());
                if (towards == null || sent.up().verdict() != Verdict.CLEARTEXT) continue;
                findings.add(UndecidedNote.unlessInexact(
                        finding(router, sent.gre(), towards, sent.up()), router, sent.up()));
            }
            findings.addAll(unprotectedMultipoint(router, context));
        }
        return findings;
    }

    /**
     * Multipoint GRE (DMVPN) without an enabled IPsec profile: its GRE packets to each peer the NHRP maps name are
     * replayed with every SA up, so a site-to-site tunnel or transport policy selecting them still counts. A hub names
     * no peer, and is not reported (docs/semantics/dmvpn.md#not-claimed).
     */
    private static List<Finding> unprotectedMultipoint(Router router, RuleContext context) {
        List<GrePacket.Sender> unbound = GrePacket.multipointSenders(router).stream()
                .filter(s -> router.ipsec()
                        .profileBoundTo(s.tunnelInterface().name())
                        .isEmpty())
                .toList();
        List<Finding> findings = new ArrayList<>();
        for (GrePacket.SentWithSasUp sent : GrePacket.sentWithEverySaUp(router, unbound, context)) {
            if (sent.up().verdict() != Verdict.CLEARTEXT) continue;
            findings.add(UndecidedNote.unlessInexact(multipointFinding(router, sent), router, sent.up()));
        }
        return findings;
    }

    private static Finding multipointFinding(Router router, GrePacket.SentWithSasUp sent) {
        GrePacket gre = sent.gre();
        String tunnel = gre.tunnelInterface().name();
        ReplayedWitness replay = new ReplayedWitness(sent.up(), "up");
        String message = "Multipoint GRE tunnel " + tunnel
                + " (DMVPN) has no enabled IPsec profile bound to it and no other "
                + "IPsec policy covers its GRE packets to NHRP peer "
                + gre.packet().header().dstText() + ": even with "
                + "every SA up, " + replay.packetText() + " " + replay.fateText() + ", and with it every packet "
                + "routed over " + tunnel + ".";
        List<RelatedLocation> related = new ArrayList<>();
        for (NhrpTunnel nhrp : router.nhrpTunnels()) {
            if (!nhrp.interfaceName().equals(tunnel)) continue;
            for (NhrpTunnel.NhrpMap map : nhrp.maps()) {
                if (map.nbmaAddress().withoutPrefixLength().equals(gre.packet().dst()) && map.location() != null) {
                    related.add(new RelatedLocation(
                            map.location(),
                            "the NHRP map that names peer "
                                    + gre.packet().header().dstText()));
                }
            }
        }
        return Finding.of(METADATA)
                .message(message)
                .at(gre.tunnelInterface().location())
                .related(related)
                .replay(replay)
                .fix(router, profileFix(router, tunnel))
                .subject("interfaces tunnel " + tunnel + "|unprotected|"
                        + gre.packet().header().dstText())
                .build();
    }

    /**
     * {@code vpn ipsec profile NAME bind tunnel tunN} with the file's IKE and ESP groups (VyOS refuses a profile
     * without both at commit). Offered for VyOS only, where the profile syntax is checked (1.2: the crux DMVPN
     * documentation; 1.4/1.5: vyos-1x); not for EdgeOS, whose profile syntax is not checked here. None either when
     * the file has no IKE or ESP group to name or the profile name is taken. The key is never written: a remark
     * asks for the one the peers use.
     */
    private static ConfigChange profileFix(Router router, String tunnel) {
        Dialect dialect = router.dialect();
        if (dialect == Dialect.EDGEOS) return null;
        IpsecConfig ipsec = router.ipsec();
        String name = "DMVPN-" + tunnel.toUpperCase(java.util.Locale.ROOT);
        if (ipsec.ikeGroups().isEmpty()
                || ipsec.espGroups().isEmpty()
                || ipsec.profiles().stream().anyMatch(p -> p.name().equals(name))) return null;
        String espGroup = ipsec.espGroups().values().stream()
                .filter(g -> "transport".equals(g.mode()))
                .map(EspGroup::name)
                .findFirst()
                .orElse(ipsec.espGroups().keySet().iterator().next());
        List<Segment> profile = List.of(Segment.of("vpn"), Segment.of("ipsec"), Segment.of("profile", name));
        return new ConfigChange()
                .set(profile, Segment.of("bind"), Segment.of("tunnel", tunnel))
                .set(
                        profile,
                        Segment.of(
                                "ike-group",
                                ipsec.ikeGroups().keySet().iterator().next()))
                .set(profile, Segment.of("esp-group", espGroup))
                .set(profile, Segment.of("authentication"), Segment.of("mode", "pre-shared-secret"))
                .remark("also set authentication pre-shared-secret to the key the other DMVPN routers use");
    }

    /** The first tunnel whose peer is the GRE remote, else the first whose remote selectors contain it. */
    private static CompiledTunnel tunnelTowards(CompiledRouter router, IPAddress remote) {
        for (CompiledTunnel tunnel : router.tunnels()) {
            if (remote.equals(tunnel.remoteEndpoint())) return tunnel;
        }
        for (CompiledTunnel tunnel : router.tunnels()) {
            if (tunnel.remoteSelectors().stream().anyMatch(p -> p.contains(remote))) return tunnel;
        }
        return null;
    }

    private static Finding finding(Router router, GrePacket gre, CompiledTunnel towards, PacketTrace up) {
        BalancedAway balanced = balancedAwayFromItsPolicy(up);
        if (balanced != null) return balancedFinding(router, gre, up, balanced);
        ReplayedWitness replay = new ReplayedWitness(up, "up");
        boolean toPeer = gre.packet().dst().equals(towards.remoteEndpoint());
        String relation = toPeer
                ? "goes to the address of IPsec peer " + towards.ref().peer()
                : "goes to an address inside the remote selector of " + towards.ref();
        String message = "GRE tunnel " + gre.describe() + " " + relation + ", but no IPsec selector covers its "
                + "packets: even with every SA up, " + replay.packetText() + " " + replay.fateText() + ". "
                + towards.ref() + " selects "
                + towards.selectorText() + ".";
        List<RelatedLocation> related = new ArrayList<>();
        if (towards.location() != null) {
            related.add(new RelatedLocation(
                    towards.location(),
                    "IPsec " + towards.ref() + ", which does not select "
                            + gre.packet().header()));
        }
        return Finding.of(METADATA)
                .message(message)
                .at(gre.tunnelInterface().location())
                .related(related)
                .replay(replay)
                .fix(router, fix(router, gre, towards))
                .subject("interfaces tunnel " + gre.tunnelInterface().name() + "|unprotected")
                .build();
    }

    /** The load balancer moved the router's GRE, which {@code selectedBy} selected before it was marked. */
    private record BalancedAway(TraceStep.OwnConnectionBalancing step, TraceStep.Tunnel selectedBy) {}

    /**
     * The load balancer's step for the router's own connection, when a policy selected the GRE packet before the
     * balancer marked it: the selectors are right, and it is the balancing (re-routing and source NAT) that takes
     * the packet out of its policy. Null otherwise.
     */
    private static BalancedAway balancedAwayFromItsPolicy(PacketTrace up) {
        TraceStep.OwnConnectionBalancing balanced = null;
        TraceStep.Tunnel selectedBy = null;
        for (TraceStep step : up.steps()) {
            if (step instanceof TraceStep.OwnConnectionBalancing own && own.balancing() != null) balanced = own;
            if (step instanceof TraceStep.PolicyMatch match && match.stage() == Stage.POLICY_LOOKUP) {
                selectedBy = match.matched();
            }
        }
        return balanced != null && selectedBy != null ? new BalancedAway(balanced, selectedBy) : null;
    }

    /**
     * The GRE packet is selected, but the load balancer balances the router's own connections: given another WAN,
     * the packet is routed again and translated (the balancer's source NAT, or that WAN's masquerade), so the lookup
     * after source NAT finds no policy (docs/semantics/wan-load-balancing.md#the-routers-own-connections). The fix
     * excludes the peer from load balancing where the dialect can: a VyOS {@code exclude} rule also holds for the
     * router's own connections; EdgeOS's exclusions ({@code modify table main}) run in PREROUTING only, so there the
     * fix stops balancing the router's own connections.
     */
    private static Finding balancedFinding(Router router, GrePacket gre, PacketTrace up, BalancedAway away) {
        TraceStep.OwnConnectionBalancing balanced = away.step();
        TraceStep.Tunnel selectedBy = away.selectedBy();
        ReplayedWitness replay = new ReplayedWitness(up, "up");
        String message = "GRE tunnel " + gre.describe() + " is selected by " + selectedBy.ref() + ", but the load"
                + " balancer also balances the router's own connections (by "
                + balanced.rule().label() + "): "
                + replay.packetText() + " is routed again by "
                + balanced.balancing().wan() + "'s table and "
                + replay.fateText() + ", out of the policy after source NAT.";
        if (router.dialect() == Dialect.EDGEOS) {
            message += " (EdgeOS's load balancer is closed source: vpnlint assumes that lb-local marks the router's own"
                    + " connections and routes them again as the Vyatta load balancer it forked does.)";
        }
        List<RelatedLocation> related = new ArrayList<>();
        if (balanced.location() != null) {
            related.add(new RelatedLocation(
                    balanced.location(),
                    "the load-balancing rule that sends the router's own GRE to "
                            + balanced.balancing().wan()));
        }
        if (selectedBy.location() != null) {
            related.add(new RelatedLocation(
                    selectedBy.location(), "IPsec " + selectedBy.ref() + ", which selects the GRE packets as sent"));
        }
        return Finding.of(METADATA)
                .message(message)
                .at(gre.tunnelInterface().location())
                .related(related)
                .replay(replay)
                .fix(router, exclusionFix(router, gre, balanced))
                .subject("interfaces tunnel " + gre.tunnelInterface().name() + "|unprotected")
                .build();
    }

    private static ConfigChange exclusionFix(Router router, GrePacket gre, TraceStep.OwnConnectionBalancing balanced) {
        if (router.dialect() == Dialect.EDGEOS) {
            String group = balanced.balancing().group();
            return new ConfigChange()
                    .delete(Segment.path(group + " lb-local"))
                    .remark("EdgeOS's modify-table-main exclusions do not apply to the router's own connections");
        }
        PolicyMark mark = PolicyMark.of(router, balanced.location());
        if (mark == null) return null;
        IPAddress peer = gre.packet().dst().toPrefixBlock(gre.packet().dst().getBitCount());
        return LoadBalanceExclusionFix.forRule(router, mark.ruleset(), mark.rule(), List.of(peer));
    }

    /** A new tunnel of the peer selecting exactly the GRE packets (next free tunnel number). */
    private static ConfigChange fix(Router router, GrePacket gre, CompiledTunnel towards) {
        IpsecPeer peer = towards.peer();
        int number = peer.tunnels().stream().mapToInt(IpsecTunnel::number).max().orElse(0) + 1;
        List<Segment> tunnel = ConfigChange.tunnelPath(peer, number);
        ConfigChange change = new ConfigChange()
                .set(
                        tunnel,
                        Segment.of("local"),
                        Segment.of(
                                "prefix", NatExcludeFix.prefixText(gre.packet().src())))
                .set(
                        tunnel,
                        Segment.of("remote"),
                        Segment.of(
                                "prefix", NatExcludeFix.prefixText(gre.packet().dst())))
                .set(
                        tunnel,
                        Segment.of("protocol", ProtocolMatch.name(gre.packet().protocol())));
        return change;
    }
}
