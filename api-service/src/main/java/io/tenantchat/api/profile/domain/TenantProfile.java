package io.tenantchat.api.profile.domain;

import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a tenant's assistant answers. Every setting is optional: an unset one is the deployment's. {@code version}
 * counts the saves (0: never saved), so a client can replace only the profile it has read.
 *
 * @param settings what the tenant chose
 * @param updatedAt when it was last saved, null before the first save
 * @param updatedBy the user who saved it last, null before the first save
 */
public record TenantProfile(TenantId tenantId, long version, ProfileSettings settings, @Nullable Instant updatedAt,
        @Nullable String updatedBy) {

    public TenantProfile {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(settings, "settings");
        if (version < 0) {
            throw new IllegalArgumentException("version is never negative");
        }
    }

    /** The profile of a tenant that never saved one: every setting the deployment's. */
    public static TenantProfile unset(TenantId tenantId) {
        return new TenantProfile(tenantId, 0, ProfileSettings.NONE, null, null);
    }
}
