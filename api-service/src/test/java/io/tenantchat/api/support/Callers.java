package io.tenantchat.api.support;

import io.tenantchat.api.identity.Caller;
import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.UserId;
import java.util.Set;

/** Test callers: two users of tenant-001 and one of tenant-002. */
public final class Callers {

    public static final Caller ALICE = caller("tenant-001", "alice");
    public static final Caller ANNA = caller("tenant-001", "anna");
    public static final Caller BOB = caller("tenant-002", "bob");

    private Callers() {
    }

    public static Caller caller(String tenant, String user) {
        return new Caller(TenantId.of(tenant), UserId.of(user), Set.of());
    }
}
