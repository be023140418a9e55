package io.tenantchat.worker.config;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Job handling ({@code tenantchat.worker.*}).
 *
 * @param maxAttempts model calls per message before a retryable failure marks it failed
 */
@ConfigurationProperties("tenantchat.worker")
@Validated
public record WorkerProperties(@DefaultValue("3") @Positive int maxAttempts) {}
