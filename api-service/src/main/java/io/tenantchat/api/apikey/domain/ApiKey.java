package io.tenantchat.api.apikey.domain;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stored API key: whose it is (tenant), whom it acts as (principal, a user or service principal of that
 * tenant), and the SHA-256 of the key, never the key itself.
 *
 * @param expiresAt null: does not expire
 * @param revokedAt null: not revoked
 * @param lastUsedAt null: never used; coarse (written at most about once a minute)
 */
public record ApiKey(ApiKeyId keyId, TenantId tenantId, UserId principal, String label, String secretHash,
        Instant createdAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    public ApiKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    @Override
    public String toString() {
        return "ApiKey[" + keyId + " of " + tenantId + " as " + principal + "]";
    }
}
