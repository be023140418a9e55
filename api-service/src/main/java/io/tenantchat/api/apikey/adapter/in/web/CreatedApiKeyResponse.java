package io.tenantchat.api.apikey.adapter.in.web;

import io.tenantchat.api.apikey.domain.IssuedApiKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The new key, {@code secret} included: the only answer that ever carries it. */
record CreatedApiKeyResponse(String keyId, String secret, String label, String principal, Instant createdAt,
        @Nullable Instant expiresAt) {

    static CreatedApiKeyResponse of(IssuedApiKey issued) {
        return new CreatedApiKeyResponse(issued.key().keyId().value(), issued.secret().reveal(), issued.key().label(),
                issued.key().principal().value(), issued.key().createdAt(), issued.key().expiresAt());
    }

    @Override
    public String toString() {
        return "CreatedApiKeyResponse[" + keyId + "]";
    }
}
