package org.vpnlint.parser;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Turns ANTLR's syntax errors into diagnostics. ANTLR's own message quotes the offending token, which may
 * be a pre-shared key, so only the position is kept. (Both grammars accept every token sequence, so this is
 * a safety net rather than the usual way problems are found.)
 */
final class SyntaxErrorReporting extends BaseErrorListener {
    private final ReadProblems problems;

    SyntaxErrorReporting(ReadProblems problems) {
        this.problems = problems;
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int charPositionInLine,
            String msg,
            RecognitionException e) {
        problems.error(problems.at(line, charPositionInLine + 1), "this part of the line could not be read");
    }
}
