package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.TenantPlan;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a tenant's partition of the tenants table says about it, read together: its plan and the retention its
 * profile chose.
 *
 * @param plan the registered plan, or null when the tenant is not registered
 * @param retentionDays the profile's {@code retention_days} (0: kept forever), or null when it chose none
 */
public record TenantTerms(@Nullable TenantPlan plan, @Nullable Integer retentionDays) {

    public Optional<TenantPlan> registered() {
        return Optional.ofNullable(plan);
    }
}
