package io.tenantchat.api.chat.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** DynamoDB table names. */
@Validated
@ConfigurationProperties("tenantchat.tables")
public record TableProperties(@NotBlank String sessions, @NotBlank String messages) {
}
