package io.tenantchat.api.chat.application;

/** The limit that refused a {@link QuotaClaim} when it was written (see {@link QuotaRefusedException}). */
public enum QuotaRefusal {
    REQUESTS_PER_SECOND,
    DAILY_MESSAGES,
    MONTHLY_MESSAGES,
    MONTHLY_TOKENS,
    IN_FLIGHT,
    CONCURRENT_SESSIONS
}
