package io.tenantchat.api.identity;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Objects;
import java.util.Set;

/** The authenticated caller. Built only from a verified token's claims. */
public record Caller(TenantId tenantId, UserId userId, Set<String> groups) {

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        groups = Set.copyOf(groups);
    }
}
