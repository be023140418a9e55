package io.tenantchat.api.tenant.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;

/** A tenant's plan: its registered one, else the default tier, else a clear refusal. */
public final class TenantPlans {

    private final TenantDirectory directory;
    private final TierCatalog catalog;

    public TenantPlans(TenantDirectory directory, TierCatalog catalog) {
        this.directory = directory;
        this.catalog = catalog;
    }

    /** @throws ForbiddenException {@code unknown_tenant} when the tenant is not registered and there is no default */
    public TenantPlan of(TenantId tenantId) {
        return directory.find(tenantId).orElseGet(() -> defaulted(tenantId));
    }

    static ForbiddenException unknownTenant() {
        return new ForbiddenException("unknown_tenant", "this tenant is not registered; ask the platform operator");
    }

    private TenantPlan defaulted(TenantId tenantId) {
        if (catalog.defaultTier() == null) {
            throw unknownTenant();
        }
        return new TenantPlan(tenantId, tenantId.value(), catalog.defaultTier(),
                catalog.tiers().get(catalog.defaultTier()), null, false);
    }
}
