package org.vpnlint.cli.report.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.ike.pairing.NatInFront;
import org.vpnlint.cli.analysis.SecretValues;
import org.vpnlint.model.Router;

/**
 * The network as a picture: a box per router, per NAT between two paired routers and per router that was not given
 * (the far end of a one-sided tunnel), and a line per tunnel, coloured by its status. The boxes and lines are laid
 * out by ELK's layered algorithm (left to right, orthogonal lines); this class only builds the graph and reads the
 * coordinates back. Everything is added in a fixed order, so the layout is the same on every run.
 *
 * <p>Each line needs room where it meets its box, so a box grows with its lines. Past {@link #MERGE_FROM} lines at
 * one box (a hub with hundreds of sites) the lines leaving a box share one trunk (ELK's merged edges), since
 * separate orthogonal lines would each take a channel of their own and make the drawing thousands of pixels wide.
 */
final class NetworkDrawing {
    /** An average glyph width of the drawing's 12 px monospace font, to size boxes around their text. */
    private static final double GLYPH_WIDTH = 7.3;

    private static final int BOX_HEIGHT = 40;
    private static final int MARGIN = 12;
    private static final int LINE_PITCH = 8;
    static final int MERGE_FROM = 60;

    private final ElkNode root = ElkGraphUtil.createGraph();
    private final Map<String, ElkNode> nodes = new LinkedHashMap<>();
    private final Map<ElkNode, AuditPage.Box> boxes = new LinkedHashMap<>();
    private final List<Pending> lines = new ArrayList<>();

    private record Pending(ElkEdge edge, String tunnelId, String statusClass, String title) {}

    /** One tunnel to draw: its row, its router, and the partner router, NATs or outside peer name. */
    record DrawnTunnel(
            AuditPage.TunnelRow row,
            Router router,
            Router partner,
            String outsidePeer,
            NatInFront nat,
            NatInFront partnerNat) {}

    NetworkDrawing(List<Network> networks, Set<String> reportedFiles, SecretValues secrets) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.SPACING_NODE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 90.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 6.0);
        root.setProperty(CoreOptions.RANDOM_SEED, 1);
        int index = 0;
        for (Network network : networks) {
            for (Router router : network.routers()) {
                String key = routerKey(router);
                if (nodes.containsKey(key)) continue;
                boolean reported = reportedFiles.contains(router.file());
                String name = router.name() != null ? router.name() : router.file();
                box(
                        key,
                        "r" + index++,
                        reported ? "router" : "context",
                        secrets.redact(name),
                        reported ? router.file() : router.file() + " (context)");
            }
        }
    }

    void add(DrawnTunnel tunnel) {
        AuditPage.TunnelRow row = tunnel.row();
        List<ElkNode> stops = new ArrayList<>();
        stops.add(nodes.get(routerKey(tunnel.router())));
        if (tunnel.partner() != null) {
            if (tunnel.nat() != null && tunnel.nat().present()) stops.add(nat(tunnel.router(), tunnel.nat()));
            if (tunnel.partnerNat() != null && tunnel.partnerNat().present()) {
                stops.add(nat(tunnel.partner(), tunnel.partnerNat()));
            }
            stops.add(nodes.get(routerKey(tunnel.partner())));
        } else {
            stops.add(outside(tunnel.router(), tunnel.outsidePeer()));
        }
        String title = row.local().peer() + " " + row.local().tunnel() + " ("
                + row.local().location() + "): " + row.statusLegend();
        for (int i = 0; i + 1 < stops.size(); i++) {
            ElkEdge edge = ElkGraphUtil.createSimpleEdge(stops.get(i), stops.get(i + 1));
            lines.add(new Pending(edge, row.id(), row.statusClass(), title));
        }
    }

    /** Runs the layout and returns the drawing in page coordinates. */
    AuditPage.Drawing layOut(List<AuditPage.Count> legend) {
        Map<ElkNode, Integer> linesAt = new LinkedHashMap<>();
        for (Pending line : lines) {
            linesAt.merge(
                    ElkGraphUtil.connectableShapeToNode(line.edge().getSources().get(0)), 1, Integer::sum);
            linesAt.merge(
                    ElkGraphUtil.connectableShapeToNode(line.edge().getTargets().get(0)), 1, Integer::sum);
        }
        int most = linesAt.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        boolean merged = most > MERGE_FROM;
        root.setProperty(LayeredOptions.MERGE_EDGES, merged);
        if (!merged) {
            linesAt.forEach((node, count) -> node.setHeight(Math.max(BOX_HEIGHT, LINE_PITCH * (count + 1))));
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        List<AuditPage.Box> placed = new ArrayList<>();
        for (Map.Entry<ElkNode, AuditPage.Box> entry : boxes.entrySet()) {
            ElkNode node = entry.getKey();
            AuditPage.Box box = entry.getValue();
            placed.add(new AuditPage.Box(
                    box.id(),
                    box.kind(),
                    round(node.getX()) + MARGIN,
                    round(node.getY()) + MARGIN,
                    round(node.getWidth()),
                    round(node.getHeight()),
                    box.label(),
                    box.detail()));
        }
        List<AuditPage.Line> drawn = new ArrayList<>();
        for (Pending line : lines) {
            StringBuilder path = new StringBuilder();
            for (ElkEdgeSection section : line.edge().getSections()) {
                point(path, "M", section.getStartX(), section.getStartY());
                for (ElkBendPoint bend : section.getBendPoints()) point(path, "L", bend.getX(), bend.getY());
                point(path, "L", section.getEndX(), section.getEndY());
            }
            drawn.add(new AuditPage.Line(
                    line.tunnelId(), line.statusClass(), path.toString().strip(), line.title()));
        }
        return new AuditPage.Drawing(
                round(root.getWidth()) + 2 * MARGIN, round(root.getHeight()) + 2 * MARGIN, placed, drawn, legend);
    }

    private ElkNode nat(Router router, NatInFront nat) {
        String key = "nat|" + routerKey(router) + "|" + nat.describe();
        if (nodes.containsKey(key)) return nodes.get(key);
        String kind = nat.kind() == NatInFront.Kind.MASQUERADE ? "masquerading NAT" : "1:1 NAT";
        String origin = nat.origin() == NatInFront.Origin.DECLARED ? "declared" : "inferred";
        String address = nat.publicAddress() == null
                ? "public address unknown"
                : nat.publicAddress().toCanonicalString();
        return box(key, "n" + nodes.size(), "nat", kind + " (" + origin + ")", address);
    }

    private ElkNode outside(Router router, String peer) {
        String key = "outside|" + routerKey(router) + "|" + peer;
        if (nodes.containsKey(key)) return nodes.get(key);
        return box(key, "o" + nodes.size(), "outside", peer, "not given");
    }

    private ElkNode box(String key, String id, String kind, String label, String detail) {
        ElkNode node = ElkGraphUtil.createNode(root);
        int width = (int) Math.ceil(Math.max(label.length(), detail.length()) * GLYPH_WIDTH) + 20;
        node.setDimensions(Math.max(width, 90), BOX_HEIGHT);
        nodes.put(key, node);
        boxes.put(node, new AuditPage.Box(id, kind, 0, 0, 0, 0, label, detail));
        return node;
    }

    private static String routerKey(Router router) {
        return "router|" + router.file();
    }

    private static void point(StringBuilder path, String command, double x, double y) {
        path.append(command)
                .append(round(x) + MARGIN)
                .append(' ')
                .append(round(y) + MARGIN)
                .append(' ');
    }

    private static int round(double value) {
        return (int) Math.round(value);
    }
}
