package io.tenantchat.api.chat.config;

import io.tenantchat.shared.MessageGrouping;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SQS queue names, and how chat jobs are grouped ({@code group-by}: {@code session}, the default, orders each
 * conversation; {@code tenant} serialises a whole tenant; docs/adr/001-message-groups.md).
 */
@Validated
@ConfigurationProperties("tenantchat.queues")
public record QueueProperties(@NotBlank String chatRequests, @DefaultValue("session") @NotNull MessageGrouping groupBy) {
}
