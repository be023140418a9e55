package io.tenantchat.api.erasure.domain;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What an erasure removes: one user of a tenant, or (no user) the whole tenant, which is off-boarded. */
public record ErasureSubject(TenantId tenantId, @Nullable UserId userId) {

    public ErasureSubject {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public static ErasureSubject user(TenantId tenantId, UserId userId) {
        return new ErasureSubject(tenantId, Objects.requireNonNull(userId, "userId"));
    }

    public static ErasureSubject tenant(TenantId tenantId) {
        return new ErasureSubject(tenantId, null);
    }

    public boolean isTenant() {
        return userId == null;
    }

    public Optional<UserId> user() {
        return Optional.ofNullable(userId);
    }

    /** {@code user} or {@code tenant}. */
    public String kind() {
        return isTenant() ? "tenant" : "user";
    }
}
