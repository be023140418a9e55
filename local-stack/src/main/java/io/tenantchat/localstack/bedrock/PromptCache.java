package io.tenantchat.localstack.bedrock;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's prompt cache, as Bedrock's behaves for a model that supports it: a request's {@code cachePoint}
 * blocks mark prefixes; the longest prefix cached before is read from the cache, the rest up to the last cache
 * point is written to it. Unlike Bedrock it caches prefixes of any length and never expires them.
 */
final class PromptCache {

    private final Set<String> cached = ConcurrentHashMap.newKeySet();

    /** Tokens of one request read from and written to the cache. */
    record Use(int readTokens, int writeTokens) {
        static final Use NONE = new Use(0, 0);
    }

    Use use(List<ConverseRequest.CachePrefix> prefixes) {
        if (prefixes.isEmpty()) {
            return Use.NONE;
        }
        int read = 0;
        for (ConverseRequest.CachePrefix prefix : prefixes) {
            if (cached.contains(prefix.text())) {
                read = prefix.tokens();
            }
        }
        int last = prefixes.getLast().tokens();
        prefixes.forEach(prefix -> cached.add(prefix.text()));
        return new Use(read, Math.max(0, last - read));
    }
}
