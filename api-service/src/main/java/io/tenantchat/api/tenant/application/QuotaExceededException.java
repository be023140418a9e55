package io.tenantchat.api.tenant.application;

import io.tenantchat.api.error.RefusalException;
import io.tenantchat.api.tenant.domain.LimitKind;

/**
 * A message refused because the tenant reached {@code kind}; answered with 429, {@code Retry-After} and the
 * {@code RateLimit-*} headers.
 */
public class QuotaExceededException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final transient LimitKind kind;
    private final long limit;
    private final long resetSeconds;

    public QuotaExceededException(LimitKind kind, long limit, long resetSeconds) {
        super(kind.code(), describe(kind, limit));
        this.kind = kind;
        this.limit = limit;
        this.resetSeconds = resetSeconds;
    }

    public LimitKind kind() {
        return kind;
    }

    public long limit() {
        return limit;
    }

    public long resetSeconds() {
        return resetSeconds;
    }

    private static String describe(LimitKind kind, long limit) {
        return switch (kind) {
            case REQUESTS_PER_SECOND -> "at most " + limit + " messages per second";
            case DAILY_MESSAGES -> "the daily limit of " + limit + " messages is reached";
            case MONTHLY_MESSAGES -> "the monthly limit of " + limit + " messages is reached";
            case MONTHLY_TOKENS -> "the monthly token budget of " + limit + " is used up";
            case IN_FLIGHT -> "at most " + limit + " messages may wait for a reply at once";
            case CONCURRENT_SESSIONS -> "at most " + limit + " sessions may wait for a reply at once";
        };
    }
}
