package io.tenantchat.worker.reply.domain;

/**
 * How much conversation the model is given: at most {@code maxTurns} turns and {@code maxChars} characters of
 * turn text. The current user turn is always kept, whatever its size.
 */
public record HistoryBudget(int maxTurns, int maxChars) {

    public HistoryBudget {
        if (maxTurns < 1 || maxChars < 1) {
            throw new IllegalArgumentException("maxTurns and maxChars must be positive");
        }
    }
}
