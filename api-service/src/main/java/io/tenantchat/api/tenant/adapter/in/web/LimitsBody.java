package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.tenant.domain.PlanLimits;

/** A plan's limits on the wire; in a PUT body every field is optional and overrides the tier's value. */
record LimitsBody(Integer messagesPerDay, Integer messagesPerMonth, Integer concurrentSessions, Long monthlyTokens,
        Integer requestsPerSecond, Integer maxInFlight, String modelOverride) {

    static LimitsBody of(PlanLimits l, String modelOverride) {
        return new LimitsBody(l.messagesPerDay(), l.messagesPerMonth(), l.concurrentSessions(), l.monthlyTokens(),
                l.requestsPerSecond(), l.maxInFlight(), modelOverride);
    }
}
