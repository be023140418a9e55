package io.tenantchat.api.tenant.application;

/**
 * A platform operator's description of a tenant: a tier and, optionally, limits that differ from the tier's.
 * Null limit fields take the tier's value.
 */
public record PutTenant(String tenantId, String name, String tier, String modelOverride, Integer messagesPerDay,
        Integer messagesPerMonth, Integer concurrentSessions, Long monthlyTokens, Integer requestsPerSecond,
        Integer maxInFlight) {
}
