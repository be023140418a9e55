package io.tenantchat.api.tenant.application;

import io.tenantchat.api.error.ForbiddenException;
import io.tenantchat.shared.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gate in front of every tenant endpoint and {@code /ws}: under {@code UNKNOWN_TENANTS=refuse} a caller whose
 * tenant is not registered is refused with 403 {@code unknown_tenant}; under {@code default-tier} everyone passes.
 * A registration, once seen, is remembered per api instance for {@link #REMEMBER} (only registered tenants enter
 * the memory, so its size is bounded by the tenants table, not by callers); an unknown tenant is read each time, so
 * a tenant registered a moment ago is let in at once.
 */
public final class KnownTenants {

    static final Duration REMEMBER = Duration.ofMinutes(1);

    private final TenantDirectory directory;
    private final boolean refuseUnknown;
    private final Clock clock;
    private final Map<TenantId, Instant> seen = new ConcurrentHashMap<>();

    public KnownTenants(TenantDirectory directory, TierCatalog catalog, Clock clock) {
        this.directory = directory;
        this.refuseUnknown = catalog.defaultTier() == null;
        this.clock = clock;
    }

    /** @throws ForbiddenException {@code unknown_tenant} when unknown tenants are refused and this one is unknown */
    public void require(TenantId tenantId) {
        if (!refuseUnknown) {
            return;
        }
        Instant now = clock.instant();
        Instant until = seen.get(tenantId);
        if (until != null && now.isBefore(until)) {
            return;
        }
        if (directory.find(tenantId).isEmpty()) {
            seen.remove(tenantId);
            throw TenantPlans.unknownTenant();
        }
        seen.put(tenantId, now.plus(REMEMBER));
    }
}
