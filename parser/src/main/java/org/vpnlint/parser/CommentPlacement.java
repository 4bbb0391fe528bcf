package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides which node a comment belongs to, the same way in both formats:
 * <ul>
 *   <li>a comment at the end of a statement's line belongs to the deepest node that statement names
 *       ({@code rule 10 { /* x *&#47;} → "10"; {@code set ... prefix 192.0.2.1/32 # x} → "192.0.2.1/32"), and a
 *       comment after a closing brace to the node that brace closed;</li>
 *   <li>comment lines directly above a statement belong to the deepest node it names;</li>
 *   <li>comments that are not directly above a statement (a blank line, a closing brace or the end of the
 *       file comes first) belong to the root: they are file-level comments, kept so that nothing is lost.</li>
 * </ul>
 */
final class CommentPlacement {
    private final ConfigNode root;
    private final List<String> waiting = new ArrayList<>();
    private ConfigNode lastNamed;
    private int lastNamedLine;

    CommentPlacement(ConfigNode root) {
        this.root = root;
    }

    /** A comment that starts on {@code line}. */
    void comment(String text, int line) {
        if (lastNamed != null && lastNamedLine == line) lastNamed.addComment(text);
        else waiting.add(text);
    }

    /** A statement whose deepest node is {@code deepest} ended on {@code line}: it takes the waiting comments. */
    void statement(ConfigNode deepest, int line) {
        for (String text : waiting) deepest.addComment(text);
        waiting.clear();
        lastNamed = deepest;
        lastNamedLine = line;
    }

    /** A closing brace on {@code line} ended the block of {@code closed}. */
    void blockClosed(ConfigNode closed, int line) {
        toFileLevel();
        lastNamed = closed;
        lastNamedLine = line;
    }

    /** Takes the waiting comments away, for a command that names a node it does not create ({@code edit}). */
    List<String> takeWaiting() {
        List<String> taken = List.copyOf(waiting);
        waiting.clear();
        return taken;
    }

    /** Comments kept aside by {@link #takeWaiting()} that found no node: they become file-level comments. */
    void toFileLevel(List<String> texts) {
        for (String text : texts) root.addComment(text);
    }

    /** Something that is not a statement separates the waiting comments from what follows. */
    void separated() {
        toFileLevel();
    }

    private void toFileLevel() {
        for (String text : waiting) root.addComment(text);
        waiting.clear();
    }
}
