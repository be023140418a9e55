package io.tenantchat.worker.reply.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** DynamoDB table names ({@code tenantchat.tables.*}). */
@ConfigurationProperties("tenantchat.tables")
@Validated
public record TablesProperties(@NotBlank String sessions, @NotBlank String messages) {}
