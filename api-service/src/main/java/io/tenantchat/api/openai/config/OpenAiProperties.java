package io.tenantchat.api.openai.config;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OpenAI-compatible API ({@code tenantchat.openai.*}, docs/api.md "OpenAI-compatible API").
 *
 * @param allowedModels the models every tenant may name ({@code OPENAI_ALLOWED_MODELS}; default the worker's
 *     {@code BEDROCK_MODEL_ID}); a tenant's plan {@code model_override} is added for that tenant
 * @param maxMessages most messages one request may give
 * @param maxTotalChars most characters of all given messages together
 * @param maxTokens highest {@code max_tokens} accepted: the worker's output cap ({@code BEDROCK_MAX_TOKENS}), which
 *     the quota reservation assumes
 * @param maxTemperature highest {@code temperature} accepted (Bedrock's Anthropic models take 0 to 1)
 * @param completionTimeout longest a completion is waited for; then a non-streamed one answers 504 and a streamed
 *     one ends with an error event (the reply is still stored: {@code GET /api/chat/{id}})
 * @param maxOpenPerCaller completions one caller may hold open at once on one api instance (429 beyond)
 */
@ConfigurationProperties("tenantchat.openai")
@Validated
public record OpenAiProperties(
        @DefaultValue("anthropic.claude-3-5-sonnet-20241022-v2:0") @NotEmpty List<String> allowedModels,
        @DefaultValue("100") @Positive int maxMessages,
        @DefaultValue("32000") @Positive int maxTotalChars,
        @DefaultValue("1024") @Positive int maxTokens,
        @DefaultValue("1.0") @DecimalMin("0.0") @DecimalMax("2.0") double maxTemperature,
        @DefaultValue("5m") @NotNull Duration completionTimeout,
        @DefaultValue("32") @Positive int maxOpenPerCaller) {

    /** The defaults above, for contexts without configuration properties. */
    public static OpenAiProperties defaults() {
        return new OpenAiProperties(List.of("anthropic.claude-3-5-sonnet-20241022-v2:0"), 100, 32_000, 1024, 1.0,
                Duration.ofMinutes(5), 32);
    }
}
