package org.vpnlint.checks.datapath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.checks.Finding;
import org.vpnlint.datapath.InexactRules;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * What vpnlint could not decide, reported as a note, because "unknown" must never read as "no problem" nor as a
 * proof: a question the solver could not answer in time, or a replayed packet whose fate rests on rules vpnlint
 * read inexactly ({@link InexactRules}).
 */
public final class UndecidedFinding {

    private UndecidedFinding() {}

    static Finding of(String ruleId, String question, String reason, SourceLocation location, String subject) {
        return new Finding(
                ruleId,
                Level.NOTE,
                "vpnlint could not decide whether " + question + ": the solver gave up (" + reason
                        + "). Nothing is proved either way; simplify the configuration or raise the timeout.",
                location,
                List.of(),
                null,
                List.of(),
                null,
                subject + "|undecided");
    }

    /**
     * The finding as it is when its replays rest on no inexact rule; otherwise a note that says what could not be
     * read and what the finding would be as read, without a fix (nothing is proved to need fixing).
     */
    public static Finding unlessInexact(Finding finding, Router router, PacketTrace... replays) {
        Set<String> unread = new LinkedHashSet<>();
        for (PacketTrace replay : replays) {
            for (InexactRules.Use use : InexactRules.behind(router, replay)) unread.add(use.text());
        }
        if (unread.isEmpty()) return finding;
        List<String> reasons = new ArrayList<>(unread);
        String message = "vpnlint could not decide this, because the packet's path rests on rules it could not read"
                + " exactly (" + String.join("; ", reasons) + "). As vpnlint reads the file: " + finding.message();
        return new Finding(
                finding.ruleId(),
                Level.NOTE,
                message,
                finding.location(),
                finding.related(),
                finding.witness(),
                finding.trace(),
                null,
                finding.subject() + "|inexact");
    }
}
