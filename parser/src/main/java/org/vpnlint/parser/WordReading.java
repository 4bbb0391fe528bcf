package org.vpnlint.parser;

import org.antlr.v4.runtime.Token;
import org.vpnlint.model.SourceLocation;

/**
 * Turns a word token of either grammar into the word stored in the tree: quotes removed, {@code \"} and
 * {@code \\} unescaped inside double quotes. Typographic quotes and a missing closing quote are reported
 * by character and column, never by quoting the value, which may be a pre-shared key.
 */
final class WordReading {

    /** How a word token was written. */
    enum Shape {
        BARE,
        DOUBLE_QUOTED,
        SINGLE_QUOTED,
        TYPOGRAPHIC_QUOTED,
        UNTERMINATED_QUOTE
    }

    private final ReadProblems problems;

    WordReading(ReadProblems problems) {
        this.problems = problems;
    }

    PathWord read(Token token, Shape shape) {
        String text = token.getText();
        int column = token.getCharPositionInLine() + 1;
        SourceLocation where = problems.at(token.getLine(), column)
                .withEnd(token.getLine(), column + text.codePointCount(0, text.length()));
        String word = switch (shape) {
            case BARE -> bare(text, where);
            case DOUBLE_QUOTED -> unescape(text.substring(1, text.length() - 1));
            case SINGLE_QUOTED -> text.substring(1, text.length() - 1);
            case TYPOGRAPHIC_QUOTED -> typographic(text, where);
            case UNTERMINATED_QUOTE -> unterminated(text, where);
        };
        return new PathWord(word, where);
    }

    private String bare(String text, SourceLocation where) {
        warnAboutTypographicQuote(text, 0, where);
        if (text.length() > 1) warnAboutTypographicQuote(text, text.length() - 1, where);
        return text;
    }

    private void warnAboutTypographicQuote(String text, int index, SourceLocation wordStart) {
        char c = text.charAt(index);
        if (c != '\u201C' && c != '\u201D' && c != '\u2018' && c != '\u2019') return;
        int column = wordStart.column() + text.codePointCount(0, index);
        problems.warning(
                problems.at(wordStart.line(), column),
                "typographic quote " + describe(c) + " at column " + column
                        + " is taken as part of the value; VyOS only understands straight quotes \" and '");
    }

    private String typographic(String text, SourceLocation where) {
        problems.warning(
                where,
                "typographic quotes " + describe(text.charAt(0)) + "…" + describe(text.charAt(text.length() - 1))
                        + " at column " + where.column() + " were read as quotes around one value;"
                        + " VyOS only understands straight quotes \" and ', replace them before loading this configuration");
        return text.substring(1, text.length() - 1);
    }

    private String unterminated(String text, SourceLocation where) {
        problems.error(
                where,
                "the quote opened at column " + where.column()
                        + " is not closed on this line; the value was read up to the end of the line");
        String inside = text.substring(1);
        return text.charAt(0) == '"' ? unescape(inside) : inside;
    }

    private static String describe(char quote) {
        return quote + " (U+" + String.format("%04X", (int) quote) + ")";
    }

    private static String unescape(String inside) {
        if (inside.indexOf('\\') < 0) return inside;
        StringBuilder out = new StringBuilder(inside.length());
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '\\' && i + 1 < inside.length() && (inside.charAt(i + 1) == '"' || inside.charAt(i + 1) == '\\')) {
                out.append(inside.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
