package org.vpnlint.parser;

import java.util.List;
import org.vpnlint.parser.ConfigTree.SourceFormat;

/**
 * Tells a command script from the curly format by counting lines: a line whose first word (after a
 * {@code user@host# } prompt or a {@code #} comment mark, if any) is set, delete, edit, copy, rename or comment
 * votes for commands; a line
 * that opens a block with '{' or is a closing '}' votes for curly. Ties, and files with neither, are curly.
 */
final class FormatDetector {
    private static final List<String> COMMAND_WORDS = List.of("set", "delete", "edit", "copy", "rename", "comment");

    private FormatDetector() {}

    /**
     * Works on positions in {@code text} rather than on a stripped copy of each line: it runs over every line of
     * every file before parsing, and copying them was a tenth of reading a 43,000-line router.
     */
    static SourceFormat detect(String text) {
        int commandLines = 0;
        int curlyLines = 0;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = endOfLine(text, lineStart);
            int start = skipWhitespace(text, lineStart, lineEnd);
            int end = lineEnd;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
            if (start < end) {
                if (isCommand(text, start, end)) commandLines++;
                else if (text.charAt(end - 1) == '{' || text.charAt(start) == '}') curlyLines++;
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

    /**
     * Whether the stripped line {@code text[start, end)} starts with a command word, after a comment mark ("# set
     * nat ...": a commented-out command is still written in the command format) and a prompt ("vyos@vyos# set nat
     * ...").
     */
    private static boolean isCommand(String text, int start, int end) {
        if (text.charAt(start) == '#') start = skipWhitespace(text, start + 1, end);
        int space = indexOf(text, ' ', start, end);
        if (space >= 0 && isPrompt(text, start, space)) {
            start = skipWhitespace(text, space + 1, end);
            space = indexOf(text, ' ', start, end);
        }
        int wordLength = (space < 0 ? end : space) - start;
        for (String word : COMMAND_WORDS) {
            if (word.length() == wordLength && text.startsWith(word, start)) return true;
        }
        return false;
    }

    /** "vyos@vyos#" or "user@host:~$": a name with '@' after its first character, ending in '#' or '$'. */
    private static boolean isPrompt(String text, int start, int end) {
        int at = indexOf(text, '@', start, end);
        char last = text.charAt(end - 1);
        return at > start && (last == '#' || last == '$');
    }

    /** The first {@code c} in {@code text[from, end)}, or -1 (String.indexOf would search the rest of the file). */
    private static int indexOf(String text, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (text.charAt(i) == c) return i;
        }
        return -1;
    }

    private static int skipWhitespace(String text, int from, int end) {
        while (from < end && Character.isWhitespace(text.charAt(from))) from++;
        return from;
    }
}
