package io.tenantchat.api.profile.application;

import io.tenantchat.shared.TenantId;

/**
 * Out-port: announces that a tenant's profile was saved, so every api instance drops what it cached of it (the
 * tenant feature's plan cache holds the profile's retention).
 */
@FunctionalInterface
public interface ProfileChanges {

    /** Nobody caches profiles. */
    ProfileChanges NONE = tenantId -> {
    };

    void saved(TenantId tenantId);
}
