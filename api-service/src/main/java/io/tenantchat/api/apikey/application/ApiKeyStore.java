package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A tenant's API keys, as its tenant-admin manages them. */
public interface ApiKeyStore {

    /** Stores a new key (of {@code key.tenantId()}); a key id that exists already is an {@link IllegalStateException}. */
    void create(ApiKey key);

    /**
     * Stores a new key and appends {@code entry} to its tenant's audit trail in one write: both or neither.
     *
     * @throws io.tenantchat.api.audit.application.AuditConflictException when the entry's place was taken
     */
    void create(ApiKey key, AuditEntry entry);

    /** The tenant's key by id, read consistently; empty when the key is another tenant's or does not exist. */
    Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId);

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> list(TenantId tenantId);

    /** Marks the tenant's key revoked at {@code at}; false when the tenant holds no such key. Idempotent. */
    boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at);

    /**
     * Revokes a key that is not revoked yet and appends {@code entry} in the same write; false (and nothing
     * written) when the tenant holds no such key or it is revoked already.
     *
     * @throws io.tenantchat.api.audit.application.AuditConflictException when the entry's place was taken
     */
    boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at, AuditEntry entry);
}
