package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The stale quota hold reconciler ({@code tenantchat.quotas.reconciler.*}).
 *
 * @param enabled whether this instance runs it (every instance may: its releases are conditional)
 * @param maxAge holds taken longer ago are given back; at least the longest life of a job ({@link JobLife}), which
 *     startup checks, plus room for a queue backlog
 * @param every how often it looks
 */
@ConfigurationProperties("tenantchat.quotas.reconciler")
@Validated
public record ReconcilerProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull Duration maxAge,
        @DefaultValue("5m") @NotNull Duration every) {}
