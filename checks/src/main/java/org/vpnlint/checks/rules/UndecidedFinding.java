package org.vpnlint.checks.rules;

import java.util.List;
import org.vpnlint.checks.Finding;
import org.vpnlint.model.Level;
import org.vpnlint.model.SourceLocation;

/**
 * A question the solver could not answer in time: reported as a note, because "unknown" must never read as
 * "no problem".
 */
final class UndecidedFinding {

    private UndecidedFinding() {
    }

    static Finding of(String ruleId, String question, String reason, SourceLocation location, String subject) {
        return new Finding(ruleId, Level.NOTE, "vpnlint could not decide whether " + question + ": the solver gave up ("
                + reason + "). Nothing is proved either way; simplify the configuration or raise the timeout.",
                location, List.of(), null, List.of(), null, subject + "|undecided");
    }
}
