package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.tenant.application.Subscription;
import io.tenantchat.api.tenant.domain.PlanLimits;
import io.tenantchat.api.tenant.domain.QuotaUsage;

/** {@code GET /api/tenants/{tenant_id}/subscription}: tier, limits, current usage and status. */
record SubscriptionResponse(String tenantId, String name, String tier, boolean registered, String status,
        LimitsBody limits, SubscriptionUsage usage) {

    static SubscriptionResponse of(Subscription s) {
        QuotaUsage u = s.usage();
        PlanLimits l = s.plan().limits();
        return new SubscriptionResponse(s.plan().tenantId().value(), s.plan().name(), s.plan().tier(),
                s.plan().registered(), s.status(), LimitsBody.of(l, s.plan().modelOverride()),
                new SubscriptionUsage(u.messagesToday(), u.messagesThisMonth(), u.tokensUsed(), u.tokensReserved(),
                        u.tokenPercent(l), u.inFlight(), u.activeSessions()));
    }
}
