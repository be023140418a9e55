package io.tenantchat.api.usage.domain;

import io.tenantchat.shared.TenantId;
import io.tenantchat.shared.usage.Granularity;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Usage of a tenant over the buckets that overlap {@code [from, to]}. {@code byUser} is {@code null} for callers
 * who may not see individual users.
 */
public record UsageReport(TenantId tenantId, Instant from, Instant to, Granularity granularity, UsageFigures totals,
        Map<String, UsageFigures> series, Map<String, UsageFigures> byModel,
        @Nullable Map<String, UsageFigures> byUser) {
}
