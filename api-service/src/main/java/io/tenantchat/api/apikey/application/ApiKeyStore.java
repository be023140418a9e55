package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.shared.TenantId;
import java.time.Instant;
import java.util.List;

/** A tenant's API keys, as its tenant-admin manages them. */
public interface ApiKeyStore {

    /** Stores a new key (of {@code key.tenantId()}); a key id that exists already is an {@link IllegalStateException}. */
    void create(ApiKey key);

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> list(TenantId tenantId);

    /** Marks the tenant's key revoked at {@code at}; false when the tenant holds no such key. Idempotent. */
    boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at);
}
