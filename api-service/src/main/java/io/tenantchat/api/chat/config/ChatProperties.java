package io.tenantchat.api.chat.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Chat limits ({@code tenantchat.chat.*}).
 *
 * @param maxMessageChars longest user message; longer ones are refused with 413
 * @param idempotencyWindow how long an {@code Idempotency-Key} answers with its original message
 * @param maxWaitSeconds longest {@code GET /api/chat/{id}?wait=} long poll
 * @param pollInterval how often a long poll re-reads the message
 * @param maxLongPollsPerUser how many {@code wait} long polls one user may hold open at once on one api instance;
 *     one more is refused with 429 {@code too_many_long_polls}
 */
@ConfigurationProperties("tenantchat.chat")
@Validated
public record ChatProperties(
        @DefaultValue("32000") @Positive int maxMessageChars,
        @DefaultValue("24h") @NotNull Duration idempotencyWindow,
        @DefaultValue("25") @Positive @Max(60) int maxWaitSeconds,
        @DefaultValue("250ms") @NotNull Duration pollInterval,
        @DefaultValue("4") @Positive int maxLongPollsPerUser) {}
