package io.tenantchat.api.operations.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The queues platform operators inspect and replay besides {@code tenantchat.queues.chat-requests}.
 *
 * @param chatRequestsDlq where the worker copies failed chat jobs
 * @param usageEventsQueue where EventBridge delivers usage events (usage-aggregator reads it)
 * @param usageEventsDlq where the usage-events redrive policy moves events the aggregator could not count
 */
@Validated
@ConfigurationProperties("tenantchat.operations")
public record OperationsProperties(@NotBlank String chatRequestsDlq, @NotBlank String usageEventsQueue,
        @NotBlank String usageEventsDlq) {
}
