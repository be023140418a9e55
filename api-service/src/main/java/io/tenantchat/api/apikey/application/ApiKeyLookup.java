package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import java.time.Instant;
import java.util.Optional;

/**
 * Authentication's view of the keys: by key id alone, because no tenant is known before the key is checked; the
 * tenant comes out of the stored record. The one data port that is not keyed by a tenant (ArchitectureRules
 * names it; docs/security.md section 4).
 */
public interface ApiKeyLookup {

    /** The key with that id, whichever tenant it belongs to. */
    Optional<ApiKey> find(ApiKeyId keyId);

    /** Sets {@code last_used_at} to {@code at} unless it is already after {@code notBefore}. */
    void markUsed(ApiKeyId keyId, Instant at, Instant notBefore);
}
