package io.tenantchat.api.identity;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller. Built only from a verified token's claims. Roles come from {@code cognito:groups}:
 * a {@value #TENANT_ADMIN} sees every session of its own tenant; a {@value #PLATFORM_OPERATOR} reaches the
 * operator endpoints. No group grants access to another tenant's data through the tenant endpoints.
 */
public record Caller(TenantId tenantId, UserId userId, Set<String> groups) {

    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String PLATFORM_OPERATOR = "platform-operator";

    public Caller {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        groups = Set.copyOf(groups);
    }

    public boolean isTenantAdmin() {
        return groups.contains(TENANT_ADMIN);
    }

    public boolean isPlatformOperator() {
        return groups.contains(PLATFORM_OPERATOR);
    }
}
