package io.tenantchat.api.erasure.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The queue erasure purges of a tenant's or a user's letters.
 *
 * @param chatRequestsDlq the chat requests' dead-letter queue ({@code CHAT_REQUESTS_DLQ}, FIFO)
 */
@Validated
@ConfigurationProperties("tenantchat.erasure.queues")
public record ErasureQueueProperties(@NotBlank String chatRequestsDlq) {
}
