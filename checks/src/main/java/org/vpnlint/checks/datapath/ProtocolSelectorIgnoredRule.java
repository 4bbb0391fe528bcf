package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.ConfigChange;
import org.vpnlint.checks.ConfigChange.Segment;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.RuleContext;
import org.vpnlint.checks.RuleMetadata;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.EspGroup;
import org.vpnlint.model.IpsecConfig;
import org.vpnlint.model.IpsecPeer;
import org.vpnlint.model.IpsecTunnel;
import org.vpnlint.model.Level;
import org.vpnlint.model.ProtocolMatch;
import org.vpnlint.model.Router;

/**
 * {@code tunnel N protocol X} without local or remote prefix in tunnel mode: VyOS renders no {@code local_ts} /
 * {@code remote_ts} at all, so strongSwan's default (the IKE endpoints, every protocol) applies and the protocol is
 * silently ignored (docs/semantics/vyos-rendering.md#no-prefix-means-dynamic). A fact about rendering, so no solver is
 * needed. In transport mode VyOS renders {@code local-address[proto]} and the protocol does apply.
 */
public final class ProtocolSelectorIgnoredRule implements Rule {

    static final RuleMetadata METADATA = RuleMetadata.builder("protocol-selector-ignored")
            .title("The tunnel's protocol is ignored: without prefixes all traffic between the endpoints is tunnelled")
            .defaultLevel(Level.WARNING)
            .tags("ipsec", "gre")
            .precision(RuleMetadata.Precision.VERY_HIGH)
            .summary(
                    "Reports `tunnel N protocol X` in tunnel mode without local and remote prefixes: VyOS renders no traffic "
                            + "selector, so the protocol restriction is lost and every packet between the two IKE endpoints "
                            + "uses the tunnel.")
            .explanation("""
            VyOS writes `local_ts`/`remote_ts` (with the `[proto/port]` suffix) only when the tunnel has \
            prefixes. Without them strongSwan uses its default, `dynamic`: the IKE endpoint addresses with \
            **all** protocols. `tunnel 1 protocol gre` then selects everything between the two routers' public \
            addresses — SSH, BGP, monitoring — not only GRE, and the other end, if it does render \
            `[gre]`, proposes different selectors.

            Name the endpoints as prefixes so the protocol applies: `tunnel 1 local prefix 192.0.2.10/32`, \
            `remote prefix 203.0.113.20/32`, `protocol gre`.""")
            .badExample("rules/protocol-selector-ignored/bad-protocol-tcp-without-prefixes.set")
            .fixedExample("rules/protocol-selector-ignored/good-protocol-tcp-with-prefixes.set")
            .build();

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public List<Finding> check(Network network, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Router router : network.routers()) {
            IpsecConfig ipsec = router.ipsec();
            if (ipsec == null) continue;
            for (IpsecPeer peer : ipsec.peers()) {
                if (peer.disabled()) continue;
                for (IpsecTunnel tunnel : peer.tunnels()) {
                    if (tunnel.disabled() || tunnel.protocol() == null) continue;
                    if (!tunnel.localPrefixes().isEmpty()
                            || !tunnel.remotePrefixes().isEmpty()) continue;
                    if (transportMode(ipsec, peer, tunnel)) continue;
                    findings.add(finding(router, peer, tunnel));
                }
            }
        }
        return findings;
    }

    private static boolean transportMode(IpsecConfig ipsec, IpsecPeer peer, IpsecTunnel tunnel) {
        String name = tunnel.espGroup() != null ? tunnel.espGroup() : peer.defaultEspGroup();
        EspGroup group = name == null ? null : ipsec.espGroups().get(name);
        return group != null && group.transportMode();
    }

    private static Finding finding(Router router, IpsecPeer peer, IpsecTunnel tunnel) {
        String protocol = ProtocolMatch.name(tunnel.protocol());
        String local = literal(peer.localAddress());
        String remote = peer.remoteAddresses().stream()
                .map(ProtocolSelectorIgnoredRule::literal)
                .filter(a -> a != null)
                .findFirst()
                .orElse(router.dialect().legacyIpsecSyntax() ? literal(peer.name()) : null);
        String endpoints = (local == null ? "the local IKE address" : local) + " ↔ "
                + (remote == null ? "the peer's address" : remote);
        String renderer = router.dialect() == Dialect.EDGEOS ? "EdgeOS" : "VyOS";
        String ports = tunnel.localPort() != null || tunnel.remotePort() != null ? " and ports" : "";
        String message = "tunnel " + tunnel.number() + " of peer " + peer.name() + " sets protocol " + protocol + ports
                + " but no local or remote prefix: " + renderer + " renders no traffic selector, so strongSwan selects "
                + "the IKE endpoints " + endpoints + " with all protocols" + (ports.isEmpty() ? "" : " and ports")
                + ", and every packet between them is tunnelled, not only " + protocol + ".";
        ConfigChange fix = null;
        if (local != null && remote != null) {
            List<Segment> path = ConfigChange.tunnelPath(peer, tunnel.number());
            fix = new ConfigChange()
                    .set(path, Segment.of("local"), Segment.of("prefix", local + hostLength(local)))
                    .set(path, Segment.of("remote"), Segment.of("prefix", remote + hostLength(remote)));
        }
        return Finding.of(METADATA)
                .message(message)
                .at(tunnel.location() != null ? tunnel.location() : peer.location())
                .fix(router, fix)
                .subject("peer " + peer.name() + " tunnel " + tunnel.number() + "|protocol")
                .build();
    }

    /** The address when the text is a literal IP address (not any, %any, @id, a host name), else null. */
    private static String literal(String text) {
        if (text == null) return null;
        var address = new inet.ipaddr.IPAddressString(text).getAddress();
        return address == null || address.isZero()
                ? null
                : address.withoutPrefixLength().toCompressedString();
    }

    private static String hostLength(String address) {
        return address.contains(":") ? "/128" : "/32";
    }
}
