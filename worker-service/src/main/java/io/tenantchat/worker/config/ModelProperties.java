package io.tenantchat.worker.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Bedrock model and how it is called ({@code tenantchat.model.*}).
 *
 * @param modelId model or inference profile id
 * @param maxTokens {@code inferenceConfig.maxTokens}, sent with every call
 * @param temperature {@code inferenceConfig.temperature}
 * @param callTimeout longest a whole streamed reply may take; keep it below the queue's visibility timeout
 * @param readTimeout longest silence between two reads of the stream
 */
@ConfigurationProperties("tenantchat.model")
@Validated
public record ModelProperties(
        @DefaultValue("anthropic.claude-3-5-sonnet-20241022-v2:0") @NotBlank String modelId,
        @DefaultValue("1024") @Positive int maxTokens,
        @DefaultValue("0.7") @DecimalMin("0.0") @DecimalMax("1.0") float temperature,
        @DefaultValue("45s") @NotNull Duration callTimeout,
        @DefaultValue("30s") @NotNull Duration readTimeout) {}
