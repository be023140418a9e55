package io.tenantchat.usage.metering.application;

import io.tenantchat.shared.TenantId;
import io.tenantchat.usage.metering.domain.ReaggregationReport;
import java.time.Instant;

/**
 * Recomputes a tenant's rollups from its counted events (raw rows) for the whole UTC months that {@code [from, to)}
 * touches; a month's rollups (hour, day, month) only come out right when all of it is recomputed. Items that
 * already hold the right totals are not written, so re-aggregating correct rollups changes nothing.
 */
public interface ReaggregateUsageUseCase {

    ReaggregationReport reaggregate(TenantId tenantId, Instant from, Instant to);

    /**
     * As {@link #reaggregate(TenantId, Instant, Instant)}, then appends an audit entry for the tenant: who ran it
     * ({@code actor}), the range, and what it found and corrected.
     */
    ReaggregationReport reaggregate(TenantId tenantId, Instant from, Instant to, String actor, String requestId);
}
