package io.tenantchat.api.profile.application;

import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.util.Optional;

/** Out-port: the saved profiles, one per tenant. */
public interface TenantProfiles {

    Optional<TenantProfile> find(TenantId tenantId);

    /**
     * Saves {@code profile} if the stored one is still at {@code profile.version() - 1} (none stored for version 1),
     * and appends {@code entry} to the tenant's audit trail in the same write: both or neither.
     *
     * @return false when another save came first (nothing was written)
     * @throws io.tenantchat.api.audit.application.AuditConflictException when the entry's place in the chain was
     *     taken (nothing was written)
     */
    boolean save(TenantProfile profile, AuditEntry entry);
}
