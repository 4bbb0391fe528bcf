package org.vpnlint.cli.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.checks.Network;
import org.vpnlint.checks.Rule;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * The {@code Unknown} note for a rule stopped by its time budget: one per router of the network, on the file's
 * first line, so that each file reported on says which rule could not finish and what it may have missed.
 */
final class BudgetNote {

    private BudgetNote() {}

    static List<Finding> of(Rule rule, Network network, Duration budget) {
        List<Finding> notes = new ArrayList<>();
        for (Router router : network.routers()) {
            String message = "Unknown: rule " + rule.id() + " ran out of its time budget of " + budget.toSeconds()
                    + " s on this router's network and was stopped, so its findings here may be incomplete"
                    + " (--rule-budget sets the budget).";
            notes.add(Finding.of(rule.id(), Level.NOTE)
                    .message(message)
                    .at(SourceLocation.at(router.file(), 1, 1))
                    .subject("time-budget")
                    .build());
        }
        return notes;
    }
}
