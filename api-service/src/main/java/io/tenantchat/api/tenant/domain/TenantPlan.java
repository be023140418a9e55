package io.tenantchat.api.tenant.domain;

import io.tenantchat.shared.TenantId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's plan.
 *
 * @param name display name (the tenant id when registered without one)
 * @param tier the tier its limits started from ({@code basic}, {@code advanced}, {@code premium}, ...)
 * @param modelOverride the model or provider this tenant uses instead of the default, or null
 * @param registered false for a tenant that is not in the tenants table and runs on the configured default tier
 */
public record TenantPlan(TenantId tenantId, String name, String tier, PlanLimits limits,
        @Nullable String modelOverride, boolean registered) {

    public TenantPlan {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(name, "name");
    }
}
