package org.vpnlint.checks;

import java.time.Duration;
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
 * read inexactly ({@link InexactRules}), or a rule its time budget stopped. Every rule, the run and {@code vpnlint
 * diff} say it in these words.
 */
public final class UndecidedNote {

    private UndecidedNote() {}

    /**
     * At most this many rules, and as many conditions that could not be read, are named in one note: behind one
     * question a full-size router can have hundreds of each (vyos-1x's firewall-big: notes of 68,000 characters,
     * 27 MB of report), and a list that long buries the note instead of explaining it.
     */
    public static final int NAMED = 10;

    /** What to do about a solver that gave up. */
    private static final String SOLVER_ADVICE = "; simplify the configuration or raise the timeout";

    /**
     * The solver gave up on {@code question}, a clause such as "source NAT captures traffic of tunnel 1"; the note's
     * subject is {@code subject} marked as undecided.
     */
    public static Finding solverGaveUp(
            RuleMetadata rule, String question, String reason, SourceLocation location, String subject) {
        return note(rule.id(), solverGaveUpText(question, reason), location, subject);
    }

    /** The words of {@link #solverGaveUp}, for a note that is not a finding (those of {@code vpnlint diff}). */
    public static String solverGaveUpText(String question, String reason) {
        return text(question, "the solver gave up (" + reason + ")", SOLVER_ADVICE);
    }

    /** {@code question} rests on configuration vpnlint could not read exactly; {@code what} says what and how. */
    public static Finding unreadable(
            RuleMetadata rule, String question, String what, SourceLocation location, String subject) {
        return note(rule.id(), text(question, what, ""), location, subject);
    }

    /**
     * A rule stopped by its time budget on a network, said on the first line of one of its routers' files: what
     * the rule proved before is reported, but whether it would have found more is open.
     */
    public static Finding ruleStopped(String ruleId, Duration budget, SourceLocation location) {
        String question = "rule " + ruleId + " has further findings on this router's network";
        String cause = "it ran out of its time budget of " + budget.toSeconds()
                + " s and was stopped, so its findings here may be incomplete";
        return note(ruleId, text(question, cause, "; --rule-budget sets the budget"), location, "time-budget");
    }

    /** Rule labels for a note, joined with ", ": the first {@link #NAMED}, then "… and N more rules". */
    public static String someRules(List<String> labels) {
        return some(labels, ", ", "rule");
    }

    /**
     * What could not be read, for a note, joined with "; ": the first {@link #NAMED}, then "… and N more unread
     * conditions".
     */
    public static String someUnread(List<String> reasons) {
        return some(reasons, "; ", "unread condition");
    }

    private static String some(List<String> items, String separator, String noun) {
        if (items.size() <= NAMED) return String.join(separator, items);
        int more = items.size() - NAMED;
        return String.join(separator, items.subList(0, NAMED)) + separator + "… and " + more + " more " + noun
                + (more == 1 ? "" : "s");
    }

    /** The one wording: {@code vpnlint could not decide whether Q: cause. Nothing is proved either way[; advice].} */
    private static String text(String question, String cause, String advice) {
        return "vpnlint could not decide whether " + question + ": " + cause + ". Nothing is proved either way" + advice
                + ".";
    }

    private static Finding note(String ruleId, String message, SourceLocation location, String subject) {
        return Finding.of(ruleId, Level.NOTE)
                .message(message)
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
                + " exactly (" + someUnread(reasons) + "). As vpnlint reads the file: " + finding.message();
        return finding.asNote(message, "inexact");
    }
}
