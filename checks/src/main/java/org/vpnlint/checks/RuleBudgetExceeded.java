package org.vpnlint.checks;

import java.time.Duration;

/**
 * Thrown when a rule asks for another solver query after its time budget ran out ({@link RuleContext#startRule}).
 * The run reports an {@code Unknown} note naming the rule and the budget, and goes on with the other rules.
 */
public final class RuleBudgetExceeded extends RuntimeException {
    private final Duration budget;

    public RuleBudgetExceeded(Duration budget) {
        super("the time budget of " + budget.toSeconds() + " s ran out");
        this.budget = budget;
    }

    public Duration budget() {
        return budget;
    }
}
