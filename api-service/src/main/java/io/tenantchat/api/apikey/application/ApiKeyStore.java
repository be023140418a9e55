package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept: by key id (authentication knows no tenant yet), listed per tenant. */
public interface ApiKeyStore {

    /** Stores a new key; a key id that exists already is an {@link IllegalStateException}. */
    void create(ApiKey key);

    /** The key with that id, whichever tenant it belongs to. */
    Optional<ApiKey> find(ApiKeyId keyId);

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> list(TenantId tenantId);

    /** Marks the tenant's key revoked at {@code at}; false when the tenant holds no such key. Idempotent. */
    boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at);

    /** Sets {@code last_used_at} to {@code at} unless it is already after {@code notBefore}. */
    void markUsed(ApiKeyId keyId, Instant at, Instant notBefore);
}
