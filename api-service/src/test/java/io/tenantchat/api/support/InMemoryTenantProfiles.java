package io.tenantchat.api.support;

import io.tenantchat.api.profile.application.TenantProfiles;
import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Profiles in a map, saved with the same version rule as the DynamoDB adapter, each save with its audit entry
 * (both or neither).
 */
public class InMemoryTenantProfiles implements TenantProfiles {

    private final Map<TenantId, TenantProfile> profiles = new ConcurrentHashMap<>();
    private final InMemoryAuditTrail audit;

    public InMemoryTenantProfiles() {
        this(new InMemoryAuditTrail());
    }

    /** @param audit where {@link #save} appends */
    public InMemoryTenantProfiles(InMemoryAuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Optional<TenantProfile> find(TenantId tenantId) {
        return Optional.ofNullable(profiles.get(tenantId));
    }

    @Override
    public synchronized boolean save(TenantProfile profile, AuditEntry entry) {
        long stored = find(profile.tenantId()).map(TenantProfile::version).orElse(0L);
        if (stored != profile.version() - 1) {
            return false;
        }
        audit.append(profile.tenantId(), entry);
        profiles.put(profile.tenantId(), profile);
        return true;
    }

    public InMemoryAuditTrail audit() {
        return audit;
    }
}
