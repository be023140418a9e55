package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import java.util.Optional;

/** The registered tenants and their plans. */
public interface TenantDirectory {

    Optional<TenantPlan> find(TenantId tenantId);

    /** Creates or replaces the tenant's plan; its counters are left as they are. */
    void save(TenantPlan plan);
}
