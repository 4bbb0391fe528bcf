package org.vpnlint.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.vpnlint.datapath.InexactRules;
import org.vpnlint.datapath.PacketTrace;
import org.vpnlint.model.Level;
import org.vpnlint.model.Router;
import org.vpnlint.model.SourceLocation;

/**
 * What vpnlint could not decide, reported as a note, because "unknown" must never read as "no problem" nor as a
 * proof: a question the solver could not answer in time, or a replayed packet whose fate rests on rules vpnlint
 * read inexactly ({@link InexactRules}). Every rule says it in these words.
 */
public final class UndecidedNote {

    private UndecidedNote() {}

    /**
     * The solver gave up on {@code question}, a clause such as "source NAT captures traffic of tunnel 1"; the note's
     * subject is {@code subject} marked as undecided.
     */
    public static Finding solverGaveUp(
            RuleMetadata rule, String question, String reason, SourceLocation location, String subject) {
        String cause = "the solver gave up (" + reason + ")";
        return note(rule, question, cause, "; simplify the configuration or raise the timeout", location, subject);
    }

    /** {@code question} rests on configuration vpnlint could not read exactly; {@code what} says what and how. */
    public static Finding unreadable(
            RuleMetadata rule, String question, String what, SourceLocation location, String subject) {
        return note(rule, question, what, "", location, subject);
    }

    private static Finding note(
            RuleMetadata rule, String question, String cause, String advice, SourceLocation location, String subject) {
        return Finding.of(rule)
                .level(Level.NOTE)
                .message("vpnlint could not decide whether " + question + ": " + cause
                        + ". Nothing is proved either way" + advice + ".")
                .at(location)
                .subject(subject + "|undecided")
                .build();
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
        return finding.asNote(message, "inexact");
    }
}
