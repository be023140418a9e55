package io.tenantchat.worker.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** SQS queue names ({@code tenantchat.queues.*}); the chat job listener subscribes to {@code chat-requests}. */
@ConfigurationProperties("tenantchat.queues")
@Validated
public record QueuesProperties(@NotBlank String chatRequests) {}
