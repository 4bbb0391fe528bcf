package org.vpnlint.parser;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a file is a text configuration before it is parsed, so binary garbage gives one clear
 * diagnostic instead of thousands of syntax errors: it must be UTF-8 without NUL bytes and without more
 * than a few other control characters. A leading byte-order mark is dropped.
 */
final class ConfigFileText {
    /** More control characters than this (and more than 1 in 100 characters) means binary data. */
    private static final int TOLERATED_CONTROL_CHARACTERS = 16;

    private static final Pattern LONE_CARRIAGE_RETURN = Pattern.compile("\r(?!\n)");

    private ConfigFileText() {}

    /** The text of the file, or null after reporting why it is not a text configuration file. */
    static String decode(byte[] content, ReadProblems problems) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(content);
        CharBuffer chars = CharBuffer.allocate(content.length);
        CoderResult result = utf8.decode(bytes, chars, true);
        if (result.isError()) {
            int offset = bytes.position();
            int line = 1;
            for (int i = 0; i < offset; i++) if (content[i] == '\n') line++;
            problems.error(
                    problems.at(line, 1),
                    "not a text configuration file: byte " + offset + " (on line " + line
                            + ") is not valid UTF-8; VyOS configurations are UTF-8 text");
            return null;
        }
        utf8.flush(chars);
        chars.flip();
        return check(chars.toString(), problems);
    }

    /** The text without a leading byte-order mark and with line feeds after every line, or null after reporting why it is not a configuration. */
    static String check(String text, ReadProblems problems) {
        int line = 1;
        int controls = 0;
        int firstControlLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') line++;
            if (c == 0) {
                problems.error(
                        problems.at(line, 1),
                        "not a text configuration file: it contains NUL bytes" + " (the first on line " + line + ")");
                return null;
            }
            if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F) {
                controls++;
                if (firstControlLine == 0) firstControlLine = line;
            }
        }
        if (controls > TOLERATED_CONTROL_CHARACTERS && controls * 100L > text.length()) {
            problems.error(
                    problems.at(firstControlLine, 1),
                    "not a text configuration file: it contains " + controls + " control characters (the first on line "
                            + firstControlLine + ")");
            return null;
        }
        String withoutMark = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return withLineFeeds(withoutMark);
    }

    /** Lone carriage returns (classic Mac line ends) become line feeds, so that line numbers count them. */
    private static String withLineFeeds(String text) {
        if (text.indexOf('\r') < 0) return text;
        Matcher loneReturns = LONE_CARRIAGE_RETURN.matcher(text);
        return loneReturns.find() ? loneReturns.replaceAll("\n") : text;
    }
}
