package io.tenantchat.api.usage.application;

import io.tenantchat.shared.usage.Granularity;
import java.time.Instant;

/** A usage request; {@code null} fields take defaults (the last 30 days by day). */
public record UsageQuery(String tenantId, Instant from, Instant to, Granularity granularity) {
}
