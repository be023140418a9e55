package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tenant profiles ({@code tenantchat.profiles.*}, ADR 007).
 *
 * @param cacheTtl without Redis (one instance): how long a worker uses a tenant's profile and cap before reading them
 *     again, the longest a saved change takes to reach the next reply
 * @param announcedCacheTtl with Redis: the same, while api-service announces every saved change on the plan-changes
 *     channel and the worker forgets the tenant's settings at once; it bounds only a change missed while Redis was
 *     unreachable
 */
@ConfigurationProperties("tenantchat.profiles")
@Validated
public record ProfileProperties(@DefaultValue("5s") @NotNull Duration cacheTtl,
        @DefaultValue("5m") @NotNull Duration announcedCacheTtl) {}
