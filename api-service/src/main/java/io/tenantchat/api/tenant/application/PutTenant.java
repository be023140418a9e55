package io.tenantchat.api.tenant.application;

import org.jspecify.annotations.Nullable;

/**
 * A platform operator's description of a tenant: a tier and, optionally, limits that differ from the tier's.
 * Null limit fields take the tier's value.
 */
public record PutTenant(String tenantId, @Nullable String name, @Nullable String tier, @Nullable String modelOverride,
        @Nullable Integer messagesPerDay, @Nullable Integer messagesPerMonth, @Nullable Integer concurrentSessions,
        @Nullable Long monthlyTokens, @Nullable Integer requestsPerSecond, @Nullable Integer maxInFlight) {
}
