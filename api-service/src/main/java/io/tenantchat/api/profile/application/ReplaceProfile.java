package io.tenantchat.api.profile.application;

import io.tenantchat.api.profile.domain.ProfileSettings;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Replace the profile of {@code tenantId} with {@code settings} (unset ones become the deployment's).
 *
 * @param expectedVersion the version the caller read; null replaces whatever is stored
 */
public record ReplaceProfile(String tenantId, ProfileSettings settings, @Nullable Long expectedVersion) {

    public ReplaceProfile {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(settings, "settings");
    }
}
