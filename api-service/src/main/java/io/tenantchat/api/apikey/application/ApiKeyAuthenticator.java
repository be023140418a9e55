package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.api.apikey.domain.ApiKeySecret;
import io.tenantchat.api.identity.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a presented key into the caller it acts as: the tenant and principal of the stored key, never anything
 * the request says. A key's record (or its absence) is used for at most {@code cacheTtl} (at most 1 s) per api
 * instance, so a revocation holds on every instance within that; the presented key's hash is compared with the
 * record on every request. {@code last_used_at} is written at most once per {@code markUsedEvery} per key and
 * instance, and a failure to write it never refuses the request.
 */
public final class ApiKeyAuthenticator {

    /** The longest a revoked key may still be accepted somewhere. */
    public static final Duration MAX_CACHE_TTL = Duration.ofSeconds(1);
    static final int MAX_CACHED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);

    private final ApiKeyLookup store;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration markUsedEvery;
    private final Map<ApiKeyId, Cached> cache = new ConcurrentHashMap<>();
    private final Map<ApiKeyId, Instant> marked = new ConcurrentHashMap<>();

    private record Cached(Optional<ApiKey> key, Instant until) {
    }

    public ApiKeyAuthenticator(ApiKeyLookup store, Clock clock, Duration cacheTtl, Duration markUsedEvery) {
        if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("the key cache may hold a key at most " + MAX_CACHE_TTL);
        }
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.markUsedEvery = markUsedEvery;
    }

    /** The caller {@code bearer} authenticates, or empty when it is no key, unknown, wrong, revoked or expired. */
    public Optional<Caller> authenticate(String bearer) {
        Optional<ApiKeySecret> presented = ApiKeySecret.parse(bearer);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiKey> key = record(presented.get().keyId(), now)
                .filter(k -> presented.get().matches(k.secretHash()) && k.usableAt(now));
        key.ifPresent(k -> markUsed(k, now));
        return key.map(k -> new Caller(k.tenantId(), k.principal(), Set.of()));
    }

    /** Drops this instance's copy of a key (it was just revoked here). */
    public void forget(ApiKeyId keyId) {
        cache.remove(keyId);
    }

    private Optional<ApiKey> record(ApiKeyId keyId, Instant now) {
        Cached cached = cache.get(keyId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.key();
        }
        Optional<ApiKey> key = store.find(keyId);
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(c -> !now.isBefore(c.until()));
        }
        if (cache.size() < MAX_CACHED && cacheTtl.isPositive()) {
            cache.put(keyId, new Cached(key, now.plus(cacheTtl)));
        }
        return key;
    }

    private void markUsed(ApiKey key, Instant now) {
        Instant last = marked.get(key.keyId());
        if (last != null && now.isBefore(last.plus(markUsedEvery))) {
            return;
        }
        if (marked.size() >= MAX_CACHED) {
            marked.values().removeIf(at -> !now.isBefore(at.plus(markUsedEvery)));
        }
        marked.put(key.keyId(), now);
        try {
            store.markUsed(key.keyId(), now, now.minus(markUsedEvery));
        } catch (RuntimeException e) {
            LOG.warn("last_used_at of api key {} not written: {}", key.keyId(), e.toString());
        }
    }
}
