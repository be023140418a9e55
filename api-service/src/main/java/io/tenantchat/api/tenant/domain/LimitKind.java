package io.tenantchat.api.tenant.domain;

/** The limits a chat message is admitted against, each with the {@code code} of its 429 problem. */
public enum LimitKind {
    REQUESTS_PER_SECOND("rate_limited"),
    DAILY_MESSAGES("daily_message_limit"),
    MONTHLY_MESSAGES("monthly_message_limit"),
    MONTHLY_TOKENS("token_budget_exhausted"),
    IN_FLIGHT("too_many_in_flight"),
    CONCURRENT_SESSIONS("too_many_sessions");

    private final String code;

    LimitKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The limit's value in {@code limits}. */
    public long of(PlanLimits limits) {
        return switch (this) {
            case REQUESTS_PER_SECOND -> limits.requestsPerSecond();
            case DAILY_MESSAGES -> limits.messagesPerDay();
            case MONTHLY_MESSAGES -> limits.messagesPerMonth();
            case MONTHLY_TOKENS -> limits.monthlyTokens();
            case IN_FLIGHT -> limits.maxInFlight();
            case CONCURRENT_SESSIONS -> limits.concurrentSessions();
        };
    }
}
