package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SQS queue names ({@code tenantchat.queues.*}); the chat job listener subscribes to {@code chat-requests}, and
 * jobs whose message ended failed are copied to {@code chat-requests-dlq}.
 */
@ConfigurationProperties("tenantchat.queues")
@Validated
public record QueuesProperties(
        @NotBlank String chatRequests,
        @DefaultValue("chat-requests-dlq.fifo") @NotBlank String chatRequestsDlq) {}
