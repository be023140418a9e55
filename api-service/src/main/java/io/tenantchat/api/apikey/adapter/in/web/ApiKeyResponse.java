package io.tenantchat.api.apikey.adapter.in.web;

import io.tenantchat.api.apikey.domain.ApiKey;
import java.time.Instant;

/** A listed key: never its secret or hash. {@code status} is {@code active}, {@code expired} or {@code revoked}. */
record ApiKeyResponse(String keyId, String label, String principal, String status, Instant createdAt,
        Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    static ApiKeyResponse of(ApiKey key, Instant now) {
        String status = key.revoked() ? "revoked" : key.usableAt(now) ? "active" : "expired";
        return new ApiKeyResponse(key.keyId().value(), key.label(), key.principal().value(), status, key.createdAt(),
                key.expiresAt(), key.revokedAt(), key.lastUsedAt());
    }
}
