package io.tenantchat.api.support;

import io.tenantchat.api.tenant.application.TenantDirectory;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Plans in a map, for use-case and web slice tests. */
public class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<TenantId, TenantPlan> plans = new ConcurrentHashMap<>();

    @Override
    public Optional<TenantPlan> find(TenantId tenantId) {
        return Optional.ofNullable(plans.get(tenantId));
    }

    @Override
    public void save(TenantPlan plan) {
        plans.put(plan.tenantId(), plan);
    }
}
