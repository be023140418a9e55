package io.tenantchat.api.tenant.application;

import io.tenantchat.api.tenant.domain.TenantPlan;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.Optional;

/** The registered tenants and their plans. */
public interface TenantDirectory {

    Optional<TenantPlan> find(TenantId tenantId);

    /**
     * The tenant's plan together with what its profile chose for the plan's cache (its retention), in one read.
     * Without a profile store: the plan alone.
     */
    default TenantTerms terms(TenantId tenantId) {
        return new TenantTerms(find(tenantId).orElse(null), null);
    }

    /** Creates or replaces the tenant's plan; its counters are left as they are. */
    void save(TenantPlan plan);

    /**
     * Saves the plan and appends {@code entry} to the tenant's audit trail in one write: both or neither.
     *
     * @throws io.tenantchat.api.audit.application.AuditConflictException when the entry's place in the chain was
     *     taken (nothing was written)
     */
    void save(TenantPlan plan, AuditEntry entry);
}
