package io.tenantchat.api.tenant.domain;

import org.jspecify.annotations.Nullable;

/**
 * What a tenant may use. Every figure is a positive whole number.
 *
 * @param messagesPerDay chat messages accepted per UTC day
 * @param messagesPerMonth chat messages accepted per UTC calendar month
 * @param concurrentSessions sessions that may have a message in flight at the same time
 * @param monthlyTokens model tokens (input and output) per UTC calendar month, reservations included
 * @param requestsPerSecond chat messages accepted per wall-clock second
 * @param maxInFlight messages accepted but not yet answered or failed
 */
public record PlanLimits(int messagesPerDay, int messagesPerMonth, int concurrentSessions, long monthlyTokens,
        int requestsPerSecond, int maxInFlight) {

    public PlanLimits {
        if (messagesPerDay < 1 || messagesPerMonth < 1 || concurrentSessions < 1 || monthlyTokens < 1
                || requestsPerSecond < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("every limit must be positive");
        }
    }

    /** These limits with each non-null override put in its place. */
    public PlanLimits with(@Nullable Integer perDay, @Nullable Integer perMonth, @Nullable Integer sessions,
            @Nullable Long tokens, @Nullable Integer perSecond, @Nullable Integer inFlight) {
        return new PlanLimits(or(perDay, messagesPerDay), or(perMonth, messagesPerMonth), or(sessions, concurrentSessions),
                tokens == null ? monthlyTokens : tokens, or(perSecond, requestsPerSecond), or(inFlight, maxInFlight));
    }

    private static int or(@Nullable Integer override, int value) {
        return override == null ? value : override;
    }
}
