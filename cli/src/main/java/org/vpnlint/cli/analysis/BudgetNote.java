package org.vpnlint.cli.analysis;

import java.time.Duration;
import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.checks.UndecidedNote;
import org.vpnlint.model.SourceLocation;

/**
 * The note for a rule stopped by its time budget ({@link UndecidedNote#ruleStopped}): one per router of the
 * network, on the file's first line, so that each file reported on says which rule could not finish.
 */
final class BudgetNote {

    private BudgetNote() {}

    static List<Finding> of(Rule rule, Network network, Duration budget) {
        return network.routers().stream()
                .map(router -> UndecidedNote.ruleStopped(rule.id(), budget, SourceLocation.at(router.file(), 1, 1)))
                .toList();
    }
}
