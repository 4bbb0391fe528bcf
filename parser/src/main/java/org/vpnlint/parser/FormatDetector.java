package org.vpnlint.parser;

import java.util.Set;
import org.vpnlint.parser.ConfigTree.SourceFormat;

/**
 * Tells a command script from the curly format by counting lines: a line whose first word (after a
 * {@code user@host# } prompt or a {@code #} comment mark, if any) is set, delete, edit, copy, rename or comment
 * votes for commands; a line
 * that opens a block with '{' or is a closing '}' votes for curly. Ties, and files with neither, are curly.
 */
final class FormatDetector {
    private static final Set<String> COMMAND_WORDS = Set.of("set", "delete", "edit", "copy", "rename", "comment");

    private FormatDetector() {}

    static SourceFormat detect(String text) {
        int commandLines = 0;
        int curlyLines = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = endOfLine(text, lineStart);
            String line = text.substring(lineStart, lineEnd).strip();
            if (!line.isEmpty()) {
                if (COMMAND_WORDS.contains(firstWord(withoutPrompt(withoutCommentMark(line))))) commandLines++;
                else if (line.endsWith("{") || line.startsWith("}")) curlyLines++;
            }
            lineStart = lineEnd + 1;
        }
        return commandLines > curlyLines ? SourceFormat.COMMANDS : SourceFormat.CURLY;
    }

    private static int endOfLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return i;
        }
        return text.length();
    }

    /** "# set nat ..." → "set nat ...": a commented-out command is still written in the command format. */
    private static String withoutCommentMark(String line) {
        return line.startsWith("#") ? line.substring(1).strip() : line;
    }

    /** "vyos@vyos# set nat ..." → "set nat ...". */
    private static String withoutPrompt(String line) {
        int space = line.indexOf(' ');
        if (space < 0) return line;
        String first = line.substring(0, space);
        boolean prompt = first.indexOf('@') > 0 && (first.endsWith("#") || first.endsWith("$"));
        return prompt ? line.substring(space + 1).strip() : line;
    }

    private static String firstWord(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }
}
