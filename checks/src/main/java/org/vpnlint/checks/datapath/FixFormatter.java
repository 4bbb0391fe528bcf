package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vpnlint.checks.datapath.ConfigChange.Segment;

/** Renders a {@link ConfigChange} in the file's own style: {@code set} commands or a curly fragment. */
final class FixFormatter {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+*!-]+");

    private FixFormatter() {}

    static String format(ConfigStyle style, ConfigChange change) {
        return style == ConfigStyle.CURLY ? curly(change) : setCommands(change);
    }

    /** {@code set nat source rule 5 destination address 10.10.10.0/24}, one line per leaf. */
    static String setCommands(ConfigChange change) {
        List<String> lines = new ArrayList<>();
        for (List<Segment> leaf : change.leaves()) {
            StringBuilder line = new StringBuilder("set");
            for (Segment segment : leaf) {
                line.append(' ').append(segment.name());
                if (segment.value() != null) line.append(' ').append(quoted(segment.value(), '\''));
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    /** The same nodes nested as in config.boot, four spaces per level, common prefixes merged. */
    static String curly(ConfigChange change) {
        Node root = new Node();
        for (List<Segment> leaf : change.leaves()) {
            Node node = root;
            for (Segment segment : leaf) node = node.children.computeIfAbsent(segment, s -> new Node());
        }
        List<String> lines = new ArrayList<>();
        render(root, 0, lines);
        return String.join("\n", lines);
    }

    private static final class Node {
        final Map<Segment, Node> children = new LinkedHashMap<>();
    }

    private static void render(Node node, int depth, List<String> lines) {
        String indent = "    ".repeat(depth);
        for (Map.Entry<Segment, Node> entry : node.children.entrySet()) {
            Segment segment = entry.getKey();
            String head =
                    segment.value() == null ? segment.name() : segment.name() + " " + quoted(segment.value(), '"');
            if (entry.getValue().children.isEmpty()) {
                lines.add(indent + head);
            } else {
                lines.add(indent + head + " {");
                render(entry.getValue(), depth + 1, lines);
                lines.add(indent + "}");
            }
        }
    }

    private static String quoted(String value, char quote) {
        return PLAIN.matcher(value).matches() ? value : quote + value + quote;
    }
}
