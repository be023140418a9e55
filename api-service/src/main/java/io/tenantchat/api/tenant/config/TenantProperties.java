package io.tenantchat.api.tenant.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Tenants and quotas ({@code tenantchat.tenants.*}).
 *
 * @param table the tenants table: plans and quota counters
 * @param unknownTenants {@code refuse} (403 {@code unknown_tenant}) or {@code default-tier} for a valid token of a
 *     tenant that is not registered
 * @param defaultTier the tier of unregistered tenants under {@code default-tier}
 * @param tiers the tiers by name
 * @param reserve how many tokens a message reserves until its real usage is booked
 * @param refusalHint how long each api instance answers a refused tenant again without DynamoDB
 */
@Validated
@ConfigurationProperties("tenantchat.tenants")
public record TenantProperties(@NotBlank String table, @NotBlank @Pattern(regexp = "refuse|default-tier") String unknownTenants,
        @Nullable String defaultTier, @NotEmpty Map<String, @Valid Tier> tiers, @NotNull @Valid Reserve reserve,
        @NotNull @Valid RefusalHint refusalHint) {

    public record Tier(@Min(1) int messagesPerDay, @Min(1) int messagesPerMonth, @Min(1) int concurrentSessions,
            @Min(1) long monthlyTokens, @Min(1) int requestsPerSecond, @Min(1) int maxInFlight) {
    }

    /** {@code maxOutputTokens} plus the message's characters / {@code charsPerToken} plus {@code historyTokens}. */
    public record Reserve(@Min(1) int maxOutputTokens, @Min(1) int charsPerToken, @Min(0) int historyTokens) {
    }

    /**
     * A refusal remembered per api instance (refusals only; admission is always the shared counters'): {@code inFlight}
     * for {@code too_many_in_flight}, until the second ends for the rate, at most {@code longest} for the day,
     * month and token limits; {@code enabled: false} sends every message to DynamoDB.
     */
    public record RefusalHint(boolean enabled, @NotNull Duration inFlight, @NotNull Duration longest) {
    }
}
