package org.vpnlint.parser.dialect;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.InterfaceKind;
import org.vpnlint.parser.ConfigNode;

/**
 * Node shapes that exist only in some dialects, found in a tree: the first node of each kind, with the dialects
 * that accept it. {@code service nat rule} is EdgeOS; {@code firewall ipv4}, {@code outbound-interface name},
 * {@code remote-address}, {@code authentication psk}, {@code local-id} are 1.4+; {@code local-ip} on a tunnel is
 * 1.2/EdgeOS (1.3 renamed it {@code source-address}); and so on.
 */
final class SyntaxEvidence {

    /** One kind of version-specific shape, at the first node that shows it. */
    record Shape(String what, Set<Dialect> dialects, ConfigNode node) {}

    private static final Set<Dialect> LEGACY = EnumSet.of(Dialect.VYOS_1_2, Dialect.VYOS_1_3, Dialect.EDGEOS);
    private static final Set<Dialect> LEGACY_VYOS = EnumSet.of(Dialect.VYOS_1_2, Dialect.VYOS_1_3);
    private static final Set<Dialect> CURRENT = EnumSet.of(Dialect.VYOS_1_4, Dialect.VYOS_1_5);
    private static final Set<Dialect> VYOS =
            EnumSet.of(Dialect.VYOS_1_2, Dialect.VYOS_1_3, Dialect.VYOS_1_4, Dialect.VYOS_1_5);
    private static final Set<Dialect> SINCE_1_3 = EnumSet.of(Dialect.VYOS_1_3, Dialect.VYOS_1_4, Dialect.VYOS_1_5);
    private static final Set<Dialect> VYATTA_1_2 = EnumSet.of(Dialect.VYOS_1_2, Dialect.EDGEOS);
    private static final Set<Dialect> EDGEOS = EnumSet.of(Dialect.EDGEOS);

    private final Map<String, Shape> shapes = new LinkedHashMap<>();

    static List<Shape> find(ConfigNode root) {
        SyntaxEvidence evidence = new SyntaxEvidence();
        evidence.scan(root);
        return new ArrayList<>(evidence.shapes.values());
    }

    private void see(String what, Set<Dialect> dialects, ConfigNode node) {
        if (node != null) shapes.putIfAbsent(what, new Shape(what, dialects, node));
    }

    private void scan(ConfigNode root) {
        see("service nat rule", EDGEOS, root.at("service", "nat", "rule"));
        see("firewall ipv4", CURRENT, root.at("firewall", "ipv4"));
        see("firewall ipv6", CURRENT, root.at("firewall", "ipv6"));
        see("firewall name", LEGACY, root.at("firewall", "name"));
        see("firewall ipv6-name", LEGACY, root.at("firewall", "ipv6-name"));
        see("nat static", CURRENT, root.at("nat", "static"));
        see("vpn ipsec authentication psk", CURRENT, root.at("vpn", "ipsec", "authentication", "psk"));
        see("vpn ipsec ipsec-interfaces", LEGACY, root.at("vpn", "ipsec", "ipsec-interfaces"));
        see("vpn ipsec interface", CURRENT, root.at("vpn", "ipsec", "interface"));
        see("vpn ipsec auto-firewall-nat-exclude", EDGEOS, root.at("vpn", "ipsec", "auto-firewall-nat-exclude"));
        see("protocols static interface-route", LEGACY, root.at("protocols", "static", "interface-route"));
        see("interfaces switch", EDGEOS, root.at("interfaces", "switch"));
        scanNat(root);
        scanPeers(root.at("vpn", "ipsec", "site-to-site", "peer"));
        scanInterfaces(root.child("interfaces"));
        scanRoutes(root.at("protocols", "static", "route"));
    }

    private void scanNat(ConfigNode root) {
        for (String direction : List.of("source", "destination")) {
            ConfigNode rules = root.at("nat", direction, "rule");
            if (rules == null) continue;
            see("nat " + direction + " rule", VYOS, rules);
            for (ConfigNode rule : rules.children()) {
                for (String word : List.of("outbound-interface", "inbound-interface")) {
                    ConfigNode iface = rule.child(word);
                    if (iface == null) continue;
                    if (structured(iface)) see(word + " name|group", CURRENT, iface);
                    else see(word + " <interface>", LEGACY_VYOS, iface);
                }
            }
        }
    }

    private static boolean structured(ConfigNode iface) {
        for (String word : List.of("name", "group", "interface-name")) {
            ConfigNode child = iface.child(word);
            if (child != null && !child.isLeafWord()) return true;
        }
        return false;
    }

    private void scanPeers(ConfigNode peers) {
        if (peers == null) return;
        for (ConfigNode peer : peers.children()) {
            see("peer remote-address", CURRENT, peer.child("remote-address"));
            see("peer authentication local-id", CURRENT, peer.at("authentication", "local-id"));
            see("peer authentication id", LEGACY, peer.at("authentication", "id"));
            see("peer force-udp-encapsulation", CURRENT, peer.child("force-udp-encapsulation"));
            see("peer force-encapsulation", LEGACY, peer.child("force-encapsulation"));
            if (peer.at("authentication", "pre-shared-secret") != null && addressOrId(peer.word())) {
                see("peer <address> authentication pre-shared-secret", LEGACY, peer);
            }
        }
    }

    /** 1.4 peer names cannot contain '.' or ':', so such a tag is an address (1.2/1.3/EdgeOS). */
    private static boolean addressOrId(String tag) {
        return tag.contains(".") || tag.contains(":") || tag.startsWith("@") || tag.equals("any");
    }

    private void scanInterfaces(ConfigNode interfaces) {
        if (interfaces == null) return;
        ConfigNode tunnels = interfaces.child("tunnel");
        if (tunnels != null) {
            for (ConfigNode tunnel : tunnels.children()) {
                see("interfaces tunnel local-ip/remote-ip", VYATTA_1_2, tunnel.child("local-ip"));
                see("interfaces tunnel local-ip/remote-ip", VYATTA_1_2, tunnel.child("remote-ip"));
                see("interfaces tunnel source-address/remote", SINCE_1_3, tunnel.child("source-address"));
                see("interfaces tunnel source-address/remote", SINCE_1_3, tunnel.child("remote"));
            }
        }
        for (ConfiguredInterface configured : ConfiguredInterface.all(interfaces)) {
            see(
                    "interfaces ... firewall in|out|local",
                    LEGACY,
                    configured.node().child("firewall"));
            if (configured.kind() == InterfaceKind.PPPOE && !configured.type().equals("pppoe")) {
                see("interfaces ethernet ... pppoe N", VYATTA_1_2, configured.node());
            }
        }
    }

    private void scanRoutes(ConfigNode routes) {
        if (routes == null) return;
        for (ConfigNode route : routes.children())
            see("protocols static route P interface", CURRENT, route.child("interface"));
    }
}
