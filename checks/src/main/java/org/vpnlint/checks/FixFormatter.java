package org.vpnlint.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.vpnlint.checks.ConfigChange.Segment;

/**
 * Renders a {@link ConfigChange} in the file's own style: {@code set} commands, or a curly fragment. The curly
 * format can only add nodes, so a change that deletes or renumbers is written as commands in either style
 * ({@code delete ...}; {@code edit ...}, {@code rename ...}, {@code top}), as a user types them in configure mode.
 */
public final class FixFormatter {

    /** Values written without quotes; VyOS quotes the others. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@+*!,-]+");

    private FixFormatter() {}

    public static String format(ConfigStyle style, ConfigChange change) {
        return style == ConfigStyle.CURLY && change.onlyAdds() ? curly(change) : commands(change);
    }

    /** {@code set nat source rule 5 destination address 10.10.10.0/24}, one line per edit. */
    static String commands(ConfigChange change) {
        List<String> lines = new ArrayList<>();
        for (ConfigChange.Edit edit : change.edits()) {
            if (edit instanceof ConfigChange.Add set) {
                lines.add("set " + words(set.leaf()));
            } else if (edit instanceof ConfigChange.Delete delete) {
                lines.add("delete " + words(delete.node()));
            } else if (edit instanceof ConfigChange.Rename rename) {
                lines.add("edit " + words(rename.parent()));
                lines.add("rename " + words(List.of(rename.from())) + " to " + words(List.of(rename.to())));
                lines.add("top");
            } else if (edit instanceof ConfigChange.Remark remark) {
                lines.add("# " + remark.text());
            }
        }
        return String.join("\n", lines);
    }

    private static String words(List<Segment> path) {
        StringBuilder line = new StringBuilder();
        for (Segment segment : path) {
            if (line.length() > 0) line.append(' ');
            line.append(segment.name());
            if (segment.value() != null) line.append(' ').append(quoted(segment.value(), '\''));
        }
        return line.toString();
    }

    /** The same nodes nested as in config.boot, four spaces per level, common prefixes merged; remarks last. */
    static String curly(ConfigChange change) {
        Node root = new Node();
        for (List<Segment> leaf : change.leaves()) {
            Node node = root;
            for (Segment segment : leaf) node = node.children.computeIfAbsent(segment, s -> new Node());
        }
        List<String> lines = new ArrayList<>();
        render(root, 0, lines);
        for (ConfigChange.Edit edit : change.edits()) {
            if (edit instanceof ConfigChange.Remark remark) lines.add("/* " + remark.text() + " */");
        }
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
