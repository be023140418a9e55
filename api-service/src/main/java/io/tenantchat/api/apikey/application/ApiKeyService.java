package io.tenantchat.api.apikey.application;

import io.tenantchat.api.apikey.domain.ApiKey;
import io.tenantchat.api.apikey.domain.ApiKeyId;
import io.tenantchat.api.apikey.domain.ApiKeySecret;
import io.tenantchat.api.apikey.domain.IssuedApiKey;
import io.tenantchat.api.audit.application.AuditRecorder;
import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.api.error.InvalidRequestException;
import io.tenantchat.api.error.NotFoundException;
import io.tenantchat.api.error.TooManyRequestsException;
import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keys of the caller's own tenant, for its tenant-admins only. A revocation is also told to this instance's
 * {@link ApiKeyAuthenticator} at once; other instances stop accepting the key when their cached copy ends.
 */
public final class ApiKeyService implements ManageApiKeysUseCase {

    /** Keys a tenant may hold that are neither revoked nor expired. */
    public static final int MAX_ACTIVE_KEYS = 50;
    private static final int MAX_LABEL = 100;

    private final ApiKeyStore store;
    private final ApiKeyAuthenticator authenticator;
    private final Clock clock;
    private final SecureRandom random;
    private final AuditRecorder audit;

    /** @param audit where each creation and revocation is recorded, in the key's own write */
    public ApiKeyService(ApiKeyStore store, ApiKeyAuthenticator authenticator, Clock clock, SecureRandom random,
            AuditRecorder audit) {
        this.store = store;
        this.audit = audit;
        this.authenticator = authenticator;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedApiKey create(Caller caller, String tenantId, CreateApiKey request) {
        TenantId tenant = ownTenant(caller, tenantId);
        Instant now = clock.instant();
        String label = validLabel(request.label());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidRequestException("invalid_expires_at", "expires_at must be in the future");
        }
        if (request.principal() != null && !UserId.isValid(request.principal())) {
            throw new InvalidRequestException("invalid_principal", "principal must be a user id of the tenant");
        }
        if (store.list(tenant).stream().filter(k -> k.usableAt(now)).count() >= MAX_ACTIVE_KEYS) {
            throw new TooManyRequestsException("too_many_api_keys", "a tenant holds at most " + MAX_ACTIVE_KEYS
                    + " active keys; revoke one first", MAX_ACTIVE_KEYS, null);
        }
        ApiKeySecret secret = ApiKeySecret.generate(random);
        UserId principal = UserId.of(request.principal() != null ? request.principal() : "apikey-" + secret.keyId());
        ApiKey key = new ApiKey(secret.keyId(), tenant, principal, label, secret.hash(), now, request.expiresAt(),
                null, null);
        audit.record(audit.event(caller, tenant, "api_key.created", key.keyId().value(), Map.of(), attributes(key)),
                entry -> store.create(key, entry));
        return new IssuedApiKey(key, secret);
    }

    @Override
    public List<ListedApiKey> list(Caller caller, String tenantId) {
        Instant now = clock.instant();
        return store.list(ownTenant(caller, tenantId)).stream().map(key -> ListedApiKey.of(key, now)).toList();
    }

    @Override
    public void revoke(Caller caller, String tenantId, String keyId) {
        TenantId tenant = ownTenant(caller, tenantId);
        NotFoundException notFound = new NotFoundException("api_key_not_found", "no such key in this tenant");
        if (!ApiKeyId.isValid(keyId)) {
            throw notFound;
        }
        ApiKeyId id = ApiKeyId.of(keyId);
        ApiKey key = store.find(tenant, id).orElseThrow(() -> notFound);
        if (key.revokedAt() == null) {
            Instant now = clock.instant();
            ApiKey revoked = new ApiKey(key.keyId(), key.tenantId(), key.principal(), key.label(), key.secretHash(),
                    key.createdAt(), key.expiresAt(), now, key.lastUsedAt());
            // false: revoked meanwhile by another request, which recorded it
            audit.record(audit.event(caller, tenant, "api_key.revoked", keyId, attributes(key), attributes(revoked)),
                    entry -> store.revoke(tenant, id, now, entry));
        }
        authenticator.forget(id);
    }

    /** A key as an audit entry records it (never its secret or hash). */
    static Map<String, String> attributes(ApiKey key) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("label", key.label());
        values.put("principal", key.principal().value());
        if (key.expiresAt() != null) {
            values.put("expires_at", key.expiresAt().toString());
        }
        if (key.revokedAt() != null) {
            values.put("revoked_at", key.revokedAt().toString());
        }
        return values;
    }

    private static TenantId ownTenant(Caller caller, String tenantId) {
        if (!TenantId.isValid(tenantId)) {
            throw new InvalidRequestException("invalid_tenant_id", "not a tenant id");
        }
        if (!caller.isTenantAdmin()) {
            throw new ForbiddenException("tenant_admin_required", "only a tenant-admin manages API keys");
        }
        TenantId tenant = TenantId.of(tenantId);
        if (!tenant.equals(caller.tenantId())) {
            throw new ForbiddenException("tenant_mismatch", "the tenant in the path does not match the token");
        }
        return tenant;
    }

    private static String validLabel(@Nullable String label) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL || label.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid_label", "label must be 1 to " + MAX_LABEL + " printable characters");
        }
        return label.strip();
    }
}
