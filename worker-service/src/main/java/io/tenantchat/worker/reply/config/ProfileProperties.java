package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tenant profiles ({@code tenantchat.profiles.*}, ADR 007).
 *
 * @param cacheTtl how long a worker uses a tenant's profile before reading it again: the longest a saved change
 *     takes to reach the next reply
 */
@ConfigurationProperties("tenantchat.profiles")
@Validated
public record ProfileProperties(@DefaultValue("5s") @NotNull Duration cacheTtl) {}
