package io.tenantchat.api.profile.application;

import io.tenantchat.api.profile.domain.TenantProfile;
import io.tenantchat.shared.TenantId;
import java.util.Optional;

/** Out-port: the saved profiles, one per tenant. */
public interface TenantProfiles {

    Optional<TenantProfile> find(TenantId tenantId);

    /**
     * Saves {@code profile} if the stored one is still at {@code profile.version() - 1} (none stored for version 1).
     *
     * @return false when another save came first
     */
    boolean save(TenantProfile profile);
}
