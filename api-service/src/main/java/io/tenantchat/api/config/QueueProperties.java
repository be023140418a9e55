package io.tenantchat.api.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** SQS queue names. */
@Validated
@ConfigurationProperties("tenantchat.queues")
public record QueueProperties(@NotBlank String chatRequests) {
}
