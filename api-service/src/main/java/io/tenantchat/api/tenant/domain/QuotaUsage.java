package io.tenantchat.api.tenant.domain;

/**
 * A tenant's counters now.
 *
 * @param tokensUsed tokens the model really used this month (counted by usage-aggregator)
 * @param tokensReserved tokens held for messages still in flight
 */
public record QuotaUsage(long messagesToday, long messagesThisMonth, long tokensUsed, long tokensReserved,
        long inFlight, long activeSessions) {

    public static final QuotaUsage NONE = new QuotaUsage(0, 0, 0, 0, 0, 0);
    /** Share of the token budget from which responses carry a warning. */
    public static final int WARNING_PERCENT = 80;

    /** Used and reserved tokens as a whole percentage of the budget. */
    public int tokenPercent(PlanLimits limits) {
        return (int) Math.min(100, (tokensUsed + tokensReserved) * 100 / limits.monthlyTokens());
    }

    /** {@code active}, {@code warning} (80% of a monthly limit reached) or {@code exhausted} (a limit reached). */
    public String status(PlanLimits limits) {
        if (tokensUsed + tokensReserved >= limits.monthlyTokens() || messagesThisMonth >= limits.messagesPerMonth()
                || messagesToday >= limits.messagesPerDay()) {
            return "exhausted";
        }
        boolean near = tokenPercent(limits) >= WARNING_PERCENT
                || messagesThisMonth * 100 >= (long) limits.messagesPerMonth() * WARNING_PERCENT;
        return near ? "warning" : "active";
    }
}
