package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Places a curly fragment copied from below the top of the configuration. {@code show vpn} printed from the
 * {@code ipsec {} level, or a forum post that starts at {@code source { rule 10 {}, has no prompt line saying
 * where it belongs; read as it stands, its nodes would sit at the top where no mapper looks, and the file would be
 * silently clean. A top-level node that is no top-level node of VyOS or EdgeOS is moved to the one path it can
 * belong to (a note says so); when it could belong to several ({@code rule 10 {}: NAT or firewall), it stays and
 * a warning says the file was not understood.
 */
final class FragmentRoot {
    /** Top-level nodes of VyOS 1.2-1.5 and EdgeOS: a fragment starting with one of these is rooted right. */
    private static final Set<String> TOP_LEVEL = Set.of(
            "interfaces",
            "nat",
            "nat66",
            "firewall",
            "vpn",
            "protocols",
            "service",
            "system",
            "policy",
            "high-availability",
            "qos",
            "traffic-policy",
            "container",
            "pki",
            "load-balancing",
            "load-balance",
            "traffic-control",
            "custom-attribute",
            "cluster",
            "service-policy",
            "zone-policy",
            "port-forward",
            "vrf",
            "schedulers",
            "content-inspection",
            "mpls");

    private static final Set<String> INTERFACE_TYPES = Set.of(
            "ethernet",
            "bonding",
            "bridge",
            "dummy",
            "loopback",
            "vti",
            "pppoe",
            "wireguard",
            "openvpn",
            "switch",
            "l2tpv3",
            "pseudo-ethernet",
            "wireless",
            "vxlan",
            "geneve",
            "macsec",
            "input",
            "virtual-ethernet",
            "wirelessmodem",
            "sstpc");

    /** Where a node found at the top belongs, when its shape says so. */
    private record Placement(List<String> prefix, Predicate<ConfigNode> fits) {}

    private static final Map<String, Placement> PLACEMENTS = placements();

    private FragmentRoot() {}

    private static Map<String, Placement> placements() {
        Map<String, Placement> table = new LinkedHashMap<>();
        table.put("ipsec", new Placement(List.of("vpn"), node -> true));
        table.put("site-to-site", new Placement(List.of("vpn", "ipsec"), node -> true));
        table.put("ike-group", new Placement(List.of("vpn", "ipsec"), node -> true));
        table.put("esp-group", new Placement(List.of("vpn", "ipsec"), node -> true));
        table.put("ipsec-interfaces", new Placement(List.of("vpn", "ipsec"), node -> true));
        table.put("peer", new Placement(List.of("vpn", "ipsec", "site-to-site"), FragmentRoot::isIpsecPeer));
        for (String type : INTERFACE_TYPES) table.put(type, new Placement(List.of("interfaces"), node -> true));
        // "tunnel tun0" is an interface; "tunnel 1" is a tunnel of an IPsec peer whose name is not shown
        table.put(
                "tunnel",
                new Placement(
                        List.of("interfaces"),
                        node -> node.children().stream().allMatch(c -> c.word().startsWith("tun"))));
        table.put("static", new Placement(List.of("protocols"), node -> true));
        table.put("source", new Placement(List.of("nat"), FragmentRoot::isRuleList));
        table.put("destination", new Placement(List.of("nat"), FragmentRoot::isRuleList));
        table.put("name", new Placement(List.of("firewall"), FragmentRoot::holdsRulesets));
        table.put("ipv6-name", new Placement(List.of("firewall"), FragmentRoot::holdsRulesets));
        table.put(
                "group",
                new Placement(
                        List.of("firewall"),
                        node -> node.children().stream().allMatch(c -> c.word().endsWith("-group"))));
        return table;
    }

    /**
     * Moves misplaced top-level nodes to where they belong and reports each move (a note) or each node that could
     * not be placed (a warning). Returns the path prefix added per moved word, so that marks recorded while
     * reading ({@code [SNIP]}) can be moved along.
     */
    static Map<String, List<String>> place(ConfigNode root, ReadProblems problems) {
        Map<String, List<String>> moved = new LinkedHashMap<>();
        for (ConfigNode node : root.children()) {
            String word = node.word();
            List<String> prefix = belongsBelow(node);
            if (prefix != null) {
                root.remove(word);
                ConfigNode parent = root;
                for (String step : prefix) parent = parent.getOrAdd(step, node.location());
                if (parent.child(word) == null) parent.put(node);
                moved.put(word, prefix);
                problems.note(
                        node.location(),
                        "the file starts below the top of the configuration: '" + word + "' was read as "
                                + String.join(" ", prefix) + " " + word);
            } else if (!TOP_LEVEL.contains(word) && (PLACEMENTS.containsKey(word) || word.equals("rule"))) {
                problems.warning(
                        node.location(),
                        "'" + word + "' is not a top-level node, so the file is a fragment"
                                + " from below the top of the configuration, and where it belongs cannot be told from its"
                                + " shape; it is not analysed. Give the enclosing blocks (e.g. nat { source { ... } }) or the"
                                + " prompt line of the show command that printed it");
            }
        }
        return moved;
    }

    /** The path a top-level node belongs below, or null when it is rightly at the top or its place is unclear. */
    private static List<String> belongsBelow(ConfigNode node) {
        String word = node.word();
        // EdgeOS "service nat { rule 5000 {...} }" shown from its nat level; VyOS nat holds source/destination/static
        if (word.equals("nat") && isRuleList(node)) return List.of("service");
        if (TOP_LEVEL.contains(word)) return null;
        Placement placement = PLACEMENTS.get(word);
        if (placement == null || !placement.fits().test(node)) return null;
        if (word.equals("source") || word.equals("destination")) return List.of(holdsIpv6(node) ? "nat66" : "nat");
        return placement.prefix();
    }

    /** Places marks recorded at paths that were moved. */
    static List<Elision> moved(List<Elision> elisions, Map<String, List<String>> moved) {
        List<Elision> placed = new ArrayList<>();
        for (Elision elision : elisions) {
            List<String> prefix =
                    elision.path().isEmpty() ? null : moved.get(elision.path().get(0));
            if (prefix == null) {
                placed.add(elision);
            } else {
                List<String> path = new ArrayList<>(prefix);
                path.addAll(elision.path());
                placed.add(new Elision(elision.location(), path));
            }
        }
        return placed;
    }

    private static boolean isIpsecPeer(ConfigNode peers) {
        Set<String> peerWords = Set.of(
                "authentication",
                "ike-group",
                "tunnel",
                "remote-address",
                "local-address",
                "default-esp-group",
                "vti",
                "connection-type");
        return !peers.children().isEmpty()
                && peers.children().stream()
                        .allMatch(peer -> peer.children().stream().anyMatch(c -> peerWords.contains(c.word())));
    }

    private static boolean isRuleList(ConfigNode section) {
        return !section.children().isEmpty()
                && section.children().stream().allMatch(c -> c.word().equals("rule"));
    }

    private static boolean holdsRulesets(ConfigNode names) {
        return !names.children().isEmpty()
                && names.children().stream()
                        .allMatch(ruleset -> ruleset.children().stream()
                                .anyMatch(
                                        c -> c.word().equals("rule") || c.word().equals("default-action")));
    }

    private static boolean holdsIpv6(ConfigNode node) {
        for (ConfigNode child : node.children()) {
            if (child.isLeafWord() && child.word().contains(":")) return true;
            if (holdsIpv6(child)) return true;
        }
        return false;
    }
}
