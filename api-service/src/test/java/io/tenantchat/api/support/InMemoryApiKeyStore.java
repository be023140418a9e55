package io.tenantchat.api.support;

import io.tenantchat.api.apikey.application.ApiKeyLookup;
import io.tenantchat.api.apikey.application.ApiKeyStore;
import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.audit.AuditEntry;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** API keys in a map, counting reads and last-used writes. */
public class InMemoryApiKeyStore implements ApiKeyStore, ApiKeyLookup {

    private final Map<ApiKeyId, ApiKey> keys = new ConcurrentHashMap<>();
    private final InMemoryAuditTrail audit;

    public InMemoryApiKeyStore() {
        this(new InMemoryAuditTrail());
    }

    /** @param audit where the audited writes append */
    public InMemoryApiKeyStore(InMemoryAuditTrail audit) {
        this.audit = audit;
    }

    public InMemoryAuditTrail audit() {
        return audit;
    }

    @Override
    public synchronized void create(ApiKey key, AuditEntry entry) {
        if (keys.containsKey(key.keyId())) {
            throw new IllegalStateException("exists");
        }
        audit.append(key.tenantId(), entry);
        keys.put(key.keyId(), key);
    }

    @Override
    public Optional<ApiKey> find(TenantId tenantId, ApiKeyId keyId) {
        return Optional.ofNullable(keys.get(keyId)).filter(k -> k.tenantId().equals(tenantId));
    }

    @Override
    public synchronized boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at, AuditEntry entry) {
        ApiKey key = keys.get(keyId);
        if (key == null || !key.tenantId().equals(tenantId) || key.revokedAt() != null) {
            return false;
        }
        audit.append(tenantId, entry);
        return revoke(tenantId, keyId, at);
    }
    public final AtomicInteger finds = new AtomicInteger();
    public final AtomicInteger usedWrites = new AtomicInteger();

    @Override
    public void create(ApiKey key) {
        if (keys.putIfAbsent(key.keyId(), key) != null) {
            throw new IllegalStateException("exists");
        }
    }

    @Override
    public Optional<ApiKey> find(ApiKeyId keyId) {
        finds.incrementAndGet();
        return Optional.ofNullable(keys.get(keyId));
    }

    @Override
    public List<ApiKey> list(TenantId tenantId) {
        return keys.values().stream().filter(k -> k.tenantId().equals(tenantId))
                .sorted(Comparator.comparing(ApiKey::createdAt)).toList();
    }

    @Override
    public boolean revoke(TenantId tenantId, ApiKeyId keyId, Instant at) {
        ApiKey key = keys.get(keyId);
        if (key == null || !key.tenantId().equals(tenantId)) {
            return false;
        }
        if (key.revokedAt() == null) {
            keys.put(keyId, new ApiKey(key.keyId(), key.tenantId(), key.principal(), key.label(), key.secretHash(),
                    key.createdAt(), key.expiresAt(), at, key.lastUsedAt()));
        }
        return true;
    }

    @Override
    public void markUsed(ApiKeyId keyId, Instant at, Instant notBefore) {
        usedWrites.incrementAndGet();
        keys.computeIfPresent(keyId, (id, k) -> k.lastUsedAt() != null && !k.lastUsedAt().isBefore(notBefore) ? k
                : new ApiKey(k.keyId(), k.tenantId(), k.principal(), k.label(), k.secretHash(), k.createdAt(),
                        k.expiresAt(), k.revokedAt(), at));
    }
}
