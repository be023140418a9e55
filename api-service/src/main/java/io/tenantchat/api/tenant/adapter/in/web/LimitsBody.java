package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.tenant.domain.PlanLimits;
import org.jspecify.annotations.Nullable;

/** A plan's limits on the wire; in a PUT body every field is optional and overrides the tier's value. */
record LimitsBody(@Nullable Integer messagesPerDay, @Nullable Integer messagesPerMonth,
        @Nullable Integer concurrentSessions, @Nullable Long monthlyTokens, @Nullable Integer requestsPerSecond,
        @Nullable Integer maxInFlight, @Nullable String modelOverride) {

    static LimitsBody of(PlanLimits l, @Nullable String modelOverride) {
        return new LimitsBody(l.messagesPerDay(), l.messagesPerMonth(), l.concurrentSessions(), l.monthlyTokens(),
                l.requestsPerSecond(), l.maxInFlight(), modelOverride);
    }
}
