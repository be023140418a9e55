package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.QuotaUsage;
import io.tenantchat.api.tenant.domain.TenantPlan;

/** A tenant's plan with its usage now; {@code status} is {@code active}, {@code warning} or {@code exhausted}. */
public record Subscription(TenantPlan plan, QuotaUsage usage, String status) {
}
