package io.tenantchat.api.tenant.adapter.in.web;

/** A tenant's counters now: today, this month (tokens used and reserved for messages in flight), in flight. */
record SubscriptionUsage(long messagesToday, long messagesThisMonth, long tokensUsed, long tokensReserved,
        int tokenBudgetPercent, long inFlight, long activeSessions) {
}
