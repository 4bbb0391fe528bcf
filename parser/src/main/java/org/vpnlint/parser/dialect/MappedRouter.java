package org.vpnlint.parser.dialect;

import java.util.List;
import org.vpnlint.model.Diagnostic;
import org.vpnlint.model.Dialect;
import org.vpnlint.model.Router;

/**
 * The result of mapping one file: the router, the dialect it was read as, and the mapping's diagnostics
 * (the dialect note, wrong-version warnings, unsupported syntax, invalid values), sorted by location.
 * The tree's own reading diagnostics stay in {@code ConfigTree.diagnostics()} and are not repeated here.
 */
public record MappedRouter(Router router, Dialect dialect, List<Diagnostic> diagnostics) {

    public MappedRouter {
        diagnostics = List.copyOf(diagnostics);
    }
}
