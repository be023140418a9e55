package io.tenantchat.localstack.standin;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The fault a stand-in injects and how many more requests it hits. Thread-safe: requests on different
 * connections draw from one budget.
 *
 * @param <F> the stand-in's fault description
 */
public final class FaultBudget<F> {

    private F fault;
    private int left;

    public FaultBudget(F fault, int times) {
        replace(fault, times);
    }

    /** Arms {@code fault} for the next {@code times} requests it applies to. */
    public synchronized void replace(F fault, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        this.fault = fault;
        this.left = times;
    }

    /** The fault this request suffers, spending one of the budget, or empty when none is left or it does not apply. */
    public synchronized Optional<F> draw(Predicate<F> appliesTo) {
        if (left == 0 || !appliesTo.test(fault)) {
            return Optional.empty();
        }
        left--;
        return Optional.of(fault);
    }
}
