package io.tenantchat.api.usage.application;

import io.tenantchat.shared.usage.Granularity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A usage request; {@code null} fields take defaults (the last 30 days by day). */
public record UsageQuery(String tenantId, @Nullable Instant from, @Nullable Instant to,
        @Nullable Granularity granularity) {
}
