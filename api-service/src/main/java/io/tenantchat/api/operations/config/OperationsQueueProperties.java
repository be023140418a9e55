package io.tenantchat.api.operations.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The queue dead-lettered chat jobs are replayed into (the same {@code tenantchat.queues} settings chat binds). */
@Validated
@ConfigurationProperties("tenantchat.queues")
public record OperationsQueueProperties(@NotBlank String chatRequests) {
}
