package io.tenantchat.api.support;

import io.tenantchat.api.tenant.application.TenantDirectory;
import io.tenantchat.api.tenant.application.TenantTerms;
import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Plans in a map, for use-case and web slice tests. */
public class InMemoryTenantDirectory implements TenantDirectory {

    private final Map<TenantId, TenantPlan> plans = new ConcurrentHashMap<>();
    private final Map<TenantId, Integer> retention = new ConcurrentHashMap<>();
    private final InMemoryAuditTrail audit;

    public InMemoryTenantDirectory() {
        this(new InMemoryAuditTrail());
    }

    /** @param audit where {@link #save(TenantPlan, AuditEntry)} appends */
    public InMemoryTenantDirectory(InMemoryAuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Optional<TenantPlan> find(TenantId tenantId) {
        return Optional.ofNullable(plans.get(tenantId));
    }

    /** As the tenant's profile item with {@code retention_days} (null: none chosen). */
    public void retention(TenantId tenantId, Integer days) {
        if (days == null) {
            retention.remove(tenantId);
        } else {
            retention.put(tenantId, days);
        }
    }

    @Override
    public TenantTerms terms(TenantId tenantId) {
        return new TenantTerms(plans.get(tenantId), retention.get(tenantId));
    }

    @Override
    public void save(TenantPlan plan) {
        plans.put(plan.tenantId(), plan);
    }

    @Override
    public synchronized void save(TenantPlan plan, AuditEntry entry) {
        audit.append(plan.tenantId(), entry);
        plans.put(plan.tenantId(), plan);
    }

    public InMemoryAuditTrail audit() {
        return audit;
    }
}
