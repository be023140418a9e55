package io.tenantchat.api.tenant.adapter.in.web;

import io.tenantchat.api.tenant.domain.TenantPlan;

/** A registered tenant's plan. */
record TenantResponse(String tenantId, String name, String tier, LimitsBody limits) {

    static TenantResponse of(TenantPlan plan) {
        return new TenantResponse(plan.tenantId().value(), plan.name(), plan.tier(),
                LimitsBody.of(plan.limits(), plan.modelOverride()));
    }
}
