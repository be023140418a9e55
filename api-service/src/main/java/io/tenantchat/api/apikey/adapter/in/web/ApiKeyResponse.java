package io.tenantchat.api.apikey.adapter.in.web;

import io.tenantchat.api.apikey.application.ListedApiKey;
import io.tenantchat.api.apikey.domain.ApiKey;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A listed key: never its secret or hash. {@code status} is {@code active}, {@code expired} or {@code revoked}. */
record ApiKeyResponse(String keyId, String label, String principal, String status, Instant createdAt,
        @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {

    static ApiKeyResponse of(ListedApiKey listed) {
        ApiKey key = listed.key();
        String status = listed.status().name().toLowerCase(Locale.ROOT);
        return new ApiKeyResponse(key.keyId().value(), key.label(), key.principal().value(), status, key.createdAt(),
                key.expiresAt(), key.revokedAt(), key.lastUsedAt());
    }
}
