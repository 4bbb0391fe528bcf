package org.vpnlint.parser.dialect;

import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;

/**
 * The dialect a file is read as, why ({@code reason}, e.g. "the version footer (nat@5, ipsec@5)"), and the
 * warnings about syntax of another version found in the file.
 */
public record DialectDecision(Dialect dialect, String reason, List<Diagnostic> diagnostics) {

    public DialectDecision {
        diagnostics = List.copyOf(diagnostics);
    }
}
