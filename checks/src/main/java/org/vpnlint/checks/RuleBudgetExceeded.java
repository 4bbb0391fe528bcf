package org.vpnlint.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Thrown when a rule asks for another solver query after its time budget ran out ({@link RuleContext#startRule}).
 * The run reports a could-not-decide note ({@link UndecidedNote#ruleStopped}) naming the rule and the budget, and
 * goes on with the other rules. A rule that had already proved findings hands them on ({@link #withProved}): the
 * run reports them too, since a finding proved before the budget ran out is as true as one proved in a run that
 * finished.
 */
public final class RuleBudgetExceeded extends RuntimeException {
    private final Duration budget;
    private final List<Finding> proved;

    public RuleBudgetExceeded(Duration budget) {
        this(budget, List.of());
    }

    private RuleBudgetExceeded(Duration budget, List<Finding> proved) {
        super("the time budget of " + budget.toSeconds() + " s ran out");
        this.budget = budget;
        this.proved = List.copyOf(proved);
    }

    public Duration budget() {
        return budget;
    }

    /** The findings the rule had proved when its budget ran out (empty when it handed none on). */
    public List<Finding> proved() {
        return proved;
    }

    /**
     * The findings {@code search} adds as it proves them; when the budget runs out, those proved so far travel on
     * with the exception ({@link #withProved}).
     */
    public static List<Finding> keepingProved(Consumer<List<Finding>> search) {
        List<Finding> findings = new ArrayList<>();
        try {
            search.accept(findings);
        } catch (RuleBudgetExceeded budget) {
            throw budget.withProved(findings);
        }
        return findings;
    }

    /** The same budget, carrying the findings the rule proved before it ran out. */
    public RuleBudgetExceeded withProved(List<Finding> findings) {
        RuleBudgetExceeded carrying = new RuleBudgetExceeded(budget, findings);
        carrying.initCause(this);
        return carrying;
    }
}
