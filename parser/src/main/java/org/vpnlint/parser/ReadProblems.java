package org.vpnlint.parser;

import java.util.ArrayList;
import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * The diagnostics of one file being read. After {@link #LIMIT} problems the rest are only counted, so a
 * garbled file gives a readable list instead of thousands of lines.
 */
final class ReadProblems {
    static final int LIMIT = 200;
    static final String ERROR_CODE = "parse-error";
    static final String WARNING_CODE = "parse-warning";
    static final String NOTE_CODE = "parse-note";

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int notShown;
    private boolean anyError;

    ReadProblems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    SourceLocation at(int line, int column) {
        return SourceLocation.at(file, line, column);
    }

    void error(SourceLocation where, String message) {
        anyError = true;
        add(new Diagnostic(where, Level.ERROR, ERROR_CODE, message));
    }

    void warning(SourceLocation where, String message) {
        add(new Diagnostic(where, Level.WARNING, WARNING_CODE, message));
    }

    void note(SourceLocation where, String message) {
        add(new Diagnostic(where, Level.NOTE, NOTE_CODE, message));
    }

    boolean hasErrors() {
        return anyError;
    }

    boolean isEmpty() {
        return diagnostics.isEmpty() && notShown == 0;
    }

    private void add(Diagnostic diagnostic) {
        if (diagnostics.size() < LIMIT) diagnostics.add(diagnostic);
        else notShown++;
    }

    /** The diagnostics in the order they were found, plus a note on how many were left out. */
    List<Diagnostic> toList() {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        if (notShown > 0) {
            Diagnostic last = diagnostics.get(diagnostics.size() - 1);
            all.add(new Diagnostic(
                    last.location(),
                    Level.NOTE,
                    NOTE_CODE,
                    notShown + " more problems in this file are not shown; fix the ones above first"));
        }
        return List.copyOf(all);
    }
}
